package jp.machi.core.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ids of one bulk write: version 7, each greater than the last, by the database's order and by their text. */
class OrderedIdsTest {

    @Test
    void ascendingAsTextAndVersion7() {
        OrderedIds ids = new OrderedIds();
        UUID last = ids.next();
        for (int i = 0; i < 10_000; i++) {
            UUID id = ids.next();
            assertEquals(7, id.version());
            assertEquals(2, id.variant());
            assertTrue(id.toString().compareTo(last.toString()) > 0, id + " after " + last);
            last = id;
        }
        long millis = last.getMostSignificantBits() >>> 16;
        assertTrue(Math.abs(System.currentTimeMillis() - millis) < 60_000, "the time comes first");
    }

    @Test
    void twoGeneratorsNeverMeet() {
        Set<UUID> seen = new HashSet<>();
        for (int g = 0; g < 100; g++) {
            OrderedIds ids = new OrderedIds();
            for (int i = 0; i < 100; i++) {
                assertTrue(seen.add(ids.next()));
            }
        }
        assertNotEquals(new OrderedIds().next(), new OrderedIds().next());
    }

    @Test
    void theDatabaseSortsThemAsGiven() throws Exception {
        OrderedIds ids = new OrderedIds();
        List<UUID> given = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:ordered-ids-test", "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id UUID PRIMARY KEY, n INT)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < 1000; i++) {
                    UUID id = ids.next();
                    given.add(id);
                    p.setObject(1, id);
                    p.setInt(2, i);
                    p.addBatch();
                }
                p.executeBatch();
            }
            List<UUID> sorted = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT id FROM t ORDER BY id")) {
                while (r.next()) {
                    sorted.add(r.getObject(1, UUID.class));
                }
            }
            assertEquals(given, sorted);
        }
    }
}
