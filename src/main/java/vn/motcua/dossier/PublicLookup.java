package vn.motcua.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalog.ProcedureCatalog;

/**
 * Looks a dossier up for a citizen. Wrong secrets are counted per client in fixed windows in the
 * database, so every node sees the same count.
 */
@Service
class PublicLookup {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final DossierRepository dossiers;
    private final ProcedureCatalog catalog;
    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    PublicLookup(DossierRepository dossiers, ProcedureCatalog catalog, JdbcClient jdbc,
                 PlatformTransactionManager transactions, Clock clock) {
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    Result find(String code, String secret, String client) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime window = windowStart(now);
        int failures = jdbc.sql("select coalesce(sum(failures), 0) from mc_lookup_failure where client = ? and window_start = ?")
                .params(client, window).query(Integer.class).single();
        if (failures >= MAX_FAILURES) {
            return new Result.TooMany(Math.max(1, Duration.between(now, window.plus(WINDOW)).toSeconds()));
        }
        Dossier d = code == null || code.length() > 48 ? null : dossiers.findByCode(code).orElse(null);
        if (d == null || !LookupSecrets.matches(d.lookupSecret(), secret)) {
            // counted against the client, not audited: a refused lookup changed nothing of the dossier
            fail(client, window);
            return new Result.NotFound();
        }
        String procedureName = catalog.find(d.procedureCode()).map(p -> p.name()).orElse(d.procedureCode());
        return new Result.Found(new PublicLookupController.PublicDossier(d.code(), procedureName, d.status().code(),
                d.status().label(), d.submittedAt(), d.appointmentAt(), d.returnMethod(), d.returnMethod().label(), d.returnedAt()));
    }

    private void fail(String client, OffsetDateTime window) {
        newTransaction.executeWithoutResult(tx -> {
            int updated = jdbc.sql("update mc_lookup_failure set failures = failures + 1 where client = ? and window_start = ?")
                    .params(client, window).update();
            if (updated == 0) {
                try {
                    jdbc.sql("insert into mc_lookup_failure (client, window_start, failures) values (?, ?, 1)")
                            .params(client, window).update();
                } catch (DuplicateKeyException race) {
                    jdbc.sql("update mc_lookup_failure set failures = failures + 1 where client = ? and window_start = ?")
                            .params(client, window).update();
                }
            }
        });
    }

    private static OffsetDateTime windowStart(OffsetDateTime now) {
        long minutes = WINDOW.toMinutes();
        OffsetDateTime hour = now.truncatedTo(ChronoUnit.HOURS);
        return hour.plusMinutes((now.getMinute() / minutes) * minutes);
    }

    sealed interface Result {
        record Found(PublicLookupController.PublicDossier dossier) implements Result {
        }

        record NotFound() implements Result {
        }

        record TooMany(long retryAfterSeconds) implements Result {
        }
    }
}
