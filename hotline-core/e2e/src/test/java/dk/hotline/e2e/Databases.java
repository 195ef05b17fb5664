package dk.hotline.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Fresh databases of a test's own, made as the test stack's PostgreSQL superuser, so tests never share rows. */
final class Databases {

    private Databases() {
    }

    static void fresh(String... names) {
        String admin = "jdbc:postgresql://127.0.0.1:" + ServiceEnvironment.pgPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("drop database if exists " + name + " with (force)");
                s.execute("create database " + name + " owner hotline");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create the test databases " + String.join(", ", names), e);
        }
    }

    /** Runs statements in a test's own database (as the superuser), e.g. to lay down rows a screen reports on. */
    static void execute(String database, String... statements) {
        String url = "jdbc:postgresql://127.0.0.1:" + ServiceEnvironment.pgPort() + "/" + database;
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot run statements in " + database, e);
        }
    }
}
