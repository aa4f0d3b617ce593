package vn.motcua.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The benchmark's own PostgreSQL databases (never the tests' nor the service's), on {@code MOTCUA_TEST_PG}. */
final class BenchDatabase {

    static final String SERVER = System.getenv().getOrDefault("MOTCUA_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");

    final String name;

    BenchDatabase(String name) {
        this.name = name;
    }

    String url() {
        return SERVER + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    boolean exists() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             ResultSet r = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            return r.next();
        }
    }

    void recreate() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    String version() throws SQLException {
        try (Connection c = connect(); ResultSet r = c.createStatement().executeQuery("show server_version")) {
            r.next();
            return r.getString(1);
        }
    }
}
