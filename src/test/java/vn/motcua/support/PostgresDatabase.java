package vn.motcua.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh PostgreSQL database for one test class on the machine's server (127.0.0.1:5432, user
 * postgres, trust auth; MOTCUA_TEST_PG overrides the server URL). When the server is missing the
 * tests fail: they are required, never skipped.
 */
public final class PostgresDatabase {

    private PostgresDatabase() {
    }

    public static String create(String name) {
        String server = System.getenv().getOrDefault("MOTCUA_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is required for this test and is not reachable at " + server
                    + " (start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)", e);
        }
        return server + name;
    }
}
