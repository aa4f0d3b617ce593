package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.motcua.support.PostgresDatabase;

/**
 * Dossier codes on PostgreSQL, where a number is one upsert committed without waiting for its WAL
 * flush: unique and consecutive under concurrent submissions, a fresh day and agency start at 1,
 * and the relaxed commit stays with the number's own transaction (the pooled connection's next
 * transaction, a dossier's, commits synchronously again).
 */
class DossierCodesOnPostgresTest {

    static HikariDataSource pool;
    static DossierCodes codes;
    static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        pool = new HikariDataSource();
        pool.setJdbcUrl(PostgresDatabase.create("motcua_test_codes"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(1);   // one connection: the number's transaction and the next one share it
        jdbc = JdbcClient.create(pool);
        jdbc.sql("create table mc_dossier_sequence (agency_id varchar(32) not null, seq_date date not null, last_value int not null,"
                + " constraint pk_mc_dossier_sequence primary key (agency_id, seq_date))").update();
        codes = new DossierCodes(jdbc, pool, new DataSourceTransactionManager(pool));
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void concurrentNumbersAreUniqueAndConsecutive() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 2);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<String>> taken = new ArrayList<>();
        for (int i = 0; i < 120; i++) taken.add(threads.submit(() -> codes.next("000.01.02.H11", day)));
        Set<String> all = new TreeSet<>();
        for (Future<String> f : taken) all.add(f.get());
        threads.shutdown();
        assertThat(all).hasSize(120).first().isEqualTo("000.01.02.H11-260302-0001");
        assertThat(all).last().isEqualTo("000.01.02.H11-260302-0120");
        assertThat(codes.next("000.01.02.H11", day.plusDays(1))).isEqualTo("000.01.02.H11-260303-0001");
        assertThat(codes.next("000.01.03.H11", day)).isEqualTo("000.01.03.H11-260302-0001");
        assertThat(jdbc.sql("select last_value from mc_dossier_sequence where agency_id = '000.01.02.H11' and seq_date = ?")
                .param(day).query(Integer.class).single()).isEqualTo(120);
    }

    @Test
    void onlyTheNumbersOwnTransactionCommitsWithoutWaiting() {
        codes.next("000.01.04.H11", LocalDate.of(2026, 3, 2));
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
    }
}
