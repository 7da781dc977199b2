package jp.machi.it.support;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the tests use ({@code machi.it.pg.url}, user {@code machi.it.pg.user}):
 * whether it answers, and creating, opening and dropping the {@code machi_it_*} databases.
 */
public final class Postgres {

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile String unreachable;
    private static volatile boolean checked;

    private Postgres() {
    }

    /** Why PostgreSQL cannot be used, or null when it answers. Checked once per test JVM. */
    public static synchronized String whyUnreachable() {
        if (!checked) {
            try (Connection c = connect(ItSettings.pgAdminUrl()); Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1").close();
                unreachable = null;
            } catch (SQLException e) {
                unreachable = "PostgreSQL is not reachable at " + ItSettings.pgAdminUrl() + " as user "
                        + ItSettings.pgUser() + ": " + e.getMessage();
                System.out.println("[machi-it] " + unreachable);
            }
            checked = true;
        }
        return unreachable;
    }

    /** Creates an empty UTF-8 database named {@code machi_it_<label>_<random>} and returns its name. */
    public static String createDatabase(String label) {
        String name = "machi_it_" + label.toLowerCase().replaceAll("[^a-z0-9]", "") + "_"
                + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        name = name.length() > 63 ? name.substring(0, 63) : name;
        try (Connection c = connect(ItSettings.pgAdminUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    /**
     * A new test database made as a copy of {@code template} ({@code CREATE DATABASE … TEMPLATE}), which
     * nobody may be connected to: sessions a stopped server left behind are ended first, and a copy
     * refused because one was still there is tried again.
     */
    public static String copyDatabase(String template, String label) {
        String name = "machi_it_" + label.toLowerCase().replaceAll("[^a-z0-9]", "") + "_"
                + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        name = name.length() > 63 ? name.substring(0, 63) : name;
        SQLException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try (Connection c = connect(ItSettings.pgAdminUrl()); Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + template
                        + "' AND pid <> pg_backend_pid()");
                s.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
                return name;
            } catch (SQLException e) {
                last = e;
                if (!"55006".equals(e.getSQLState())) { // object_in_use: "source database … is being accessed by other users"
                    break;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException("Cannot copy database " + template + " to " + name + ": "
                + (last == null ? "interrupted" : last.getMessage()), last);
    }

    /** Drops a test database, first ending the sessions a stopped (or killed) server left behind. */
    public static void dropDatabase(String name) {
        if (!name.startsWith("machi_it_")) {
            throw new IllegalArgumentException("Only machi_it_* databases are dropped here: " + name);
        }
        try (Connection c = connect(ItSettings.pgAdminUrl()); Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                    + "' AND pid <> pg_backend_pid()");
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            System.err.println("[machi-it] could not drop database " + name + ": " + e.getMessage());
        }
    }

    /** The JDBC URL of database {@code name} on the same server as the admin URL. */
    public static String urlOf(String name) {
        Matcher m = URL.matcher(ItSettings.pgAdminUrl());
        if (!m.matches()) {
            throw new IllegalArgumentException("machi.it.pg.url is not jdbc:postgresql://host:port/db: "
                    + ItSettings.pgAdminUrl());
        }
        return m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
    }

    public static Connection open(String database) throws SQLException {
        return connect(urlOf(database));
    }

    /** Rows of a query, each row as its columns' text. */
    public static List<List<String>> rows(String database, String sql) {
        try (Connection c = open(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return Jdbc.rows(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", ItSettings.pgUser());
        if (!ItSettings.pgPassword().isEmpty()) {
            p.setProperty("password", ItSettings.pgPassword());
        }
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "60");
        p.setProperty("ApplicationName", "machi-it");
        return DriverManager.getConnection(url, p);
    }

    /** Small JDBC helpers shared with the H2 side. */
    static final class Jdbc {
        private Jdbc() {
        }

        static List<List<String>> rows(ResultSet rs) throws SQLException {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
