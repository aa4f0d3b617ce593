package vn.motcua.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dossier codes {@code <agency id>-<YYMMDD>-<NNNN>} (Circular 01/2018 Art. 19): a daily sequence per
 * agency kept in the database, so codes stay unique and consecutive with concurrent submissions
 * and several nodes. A number is taken in its own short transaction, like a database sequence: it
 * is never handed out twice, and a submission that fails afterwards leaves a gap rather than
 * holding the row lock for the whole submission.
 *
 * <p>On PostgreSQL the number is one statement (an upsert returning the new value), committed on its
 * own when no transaction is open (auto-commit, one round trip), whose commit does not wait for its
 * WAL flush ({@code synchronous_commit} off for that transaction alone). Nothing is lost by it: the
 * dossier that uses the number commits afterwards, synchronously, and a PostgreSQL commit flushes
 * the whole WAL before its own commit record, so once a dossier is accepted its number's increment
 * is durable too. A crash can only forget numbers that no committed dossier carries; they are
 * handed out again, so codes stay unique.
 */
@Component
class DossierCodes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;
    private final boolean postgres;

    DossierCodes(JdbcClient jdbc, javax.sql.DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String next(String agencyId, LocalDate day) {
        for (int attempt = 0; ; attempt++) {
            try {
                // outside a transaction, PostgreSQL's one statement commits on its own (auto-commit): no BEGIN and
                // COMMIT around it, one round trip instead of two
                Integer number = postgres && !TransactionSynchronizationManager.isActualTransactionActive()
                        ? upsert(agencyId, day)
                        : newTransaction.execute(tx -> postgres ? upsert(agencyId, day) : increment(agencyId, day));
                return format(agencyId, day, number);
            } catch (DuplicateKeyException firstOfTheDayRace) {
                // another submission created the day's row at the same moment: take the next number from it
                if (attempt >= 3) throw firstOfTheDayRace;
            }
        }
    }

    private int upsert(String agencyId, LocalDate day) {
        return jdbc.sql("""
                        insert into mc_dossier_sequence (agency_id, seq_date, last_value)
                        select ?, ?, 1 from (select set_config('synchronous_commit', 'off', true)) as this_transaction_only
                        on conflict (agency_id, seq_date) do update set last_value = mc_dossier_sequence.last_value + 1
                        returning last_value""")
                .params(agencyId, day).query(Integer.class).single();
    }

    private int increment(String agencyId, LocalDate day) {
        int updated = jdbc.sql("update mc_dossier_sequence set last_value = last_value + 1 where agency_id = ? and seq_date = ?")
                .params(agencyId, day).update();
        if (updated == 0) {
            jdbc.sql("insert into mc_dossier_sequence (agency_id, seq_date, last_value) values (?, ?, 1)")
                    .params(agencyId, day).update();
            return 1;
        }
        return jdbc.sql("select last_value from mc_dossier_sequence where agency_id = ? and seq_date = ?")
                .params(agencyId, day).query(Integer.class).single();
    }

    private static boolean isPostgres(javax.sql.DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot tell which database motcua runs on", e);
        }
    }

    static String format(String agencyId, LocalDate day, int number) {
        if (number > 9999) {
            throw new IllegalStateException("More than 9999 dossiers in one day for agency " + agencyId);
        }
        return agencyId + "-" + DAY.format(day) + "-" + String.format("%04d", number);
    }
}
