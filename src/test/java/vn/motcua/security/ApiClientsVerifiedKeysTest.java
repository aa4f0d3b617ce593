package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The verified keys {@link ApiClients} keeps so the portal's key is not looked up on every dossier:
 * a replaced key is refused at once on this node, a wrong key is never kept, the scopes handed out
 * cannot be changed by a caller, and a key disabled behind the service's back (SQL) counts only
 * after {@link ApiClients#VERIFIED_FOR}, as documented.
 */
class ApiClientsVerifiedKeysTest {

    JdbcClient jdbc;
    ApiClients clients;

    @BeforeEach
    void database() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:keys" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = JdbcClient.create(h2);
        jdbc.sql("create table mc_api_client (name varchar(64) primary key, key_hash varchar(64) not null unique,"
                + " scopes varchar(500) not null, created_at timestamp with time zone not null, active boolean default true not null)").update();
        clients = new ApiClients(jdbc, Clock.systemUTC());
    }

    @Test
    void aReplacedKeyIsRefusedAtOnce() {
        String old = clients.issue("cong-dvc", Set.of(Scopes.SUBMIT_DOSSIERS));
        assertThat(clients.authenticate(old)).get().extracting(Caller.Client::clientName).isEqualTo("cong-dvc");
        assertThat(clients.authenticate(old)).isPresent();   // now from the verified keys
        String fresh = clients.issue("cong-dvc", Set.of(Scopes.SUBMIT_DOSSIERS));
        assertThat(clients.authenticate(old)).isEmpty();
        assertThat(clients.authenticate(fresh)).get().extracting(c -> c.hasScope(Scopes.SUBMIT_DOSSIERS)).isEqualTo(true);
    }

    @Test
    void aWrongKeyIsAskedEveryTimeAndTheScopesCannotBeChanged() {
        String key = clients.issue("vnpost", Set.of(Scopes.SUBMIT_DOSSIERS));
        assertThat(clients.authenticate("mc_wrong")).isEmpty();
        jdbc.sql("insert into mc_api_client (name, key_hash, scopes, created_at) values ('late', ?, ?, current_timestamp)")
                .params(ApiClients.hash("mc_wrong"), Scopes.READ_DOSSIERS).update();
        assertThat(clients.authenticate("mc_wrong")).isPresent();   // a refused key was not remembered as refused
        Caller.Client client = clients.authenticate(key).orElseThrow();
        assertThatThrownBy(() -> client.scopes().add(Scopes.READ_METRICS)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aKeyDisabledInTheDatabaseCountsAfterTheVerifiedPeriodAtMost() {
        String key = clients.issue("thue", Set.of(Scopes.AGENCY_TAX));
        assertThat(clients.authenticate(key)).isPresent();
        jdbc.sql("update mc_api_client set active = false where name = 'thue'").update();
        assertThat(clients.authenticate(key)).isPresent();   // still trusted on this node within VERIFIED_FOR
        assertThat(ApiClients.VERIFIED_FOR).isLessThanOrEqualTo(java.time.Duration.ofSeconds(30));
        clients.issue("khac", Set.of(Scopes.READ_DOSSIERS));   // any issue forgets the verified keys
        assertThat(clients.authenticate(key)).isEmpty();
    }
}
