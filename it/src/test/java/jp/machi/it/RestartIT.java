package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A restart keeps everything: a server on its own fresh database registers a municipality and
 * switches a module on, is stopped as an operator stops it, and a new server on the same data
 * finds both, without running any migration again.
 */
@MachiTest
class RestartIT {

    @Test
    void dataAndMigrationHistorySurviveARestart() {
        try (TestDatabase db = TestDatabase.fresh("restart")) {
            String code;
            String etag;
            JsonArray modulesBefore;
            try (MachiServer first = MachiServer.machiJar("first", db).start()) {
                Api api = first.api();
                code = Municipalities.register(api);
                Municipalities.setModule(api, code, "planning", true);
                etag = api.get(Municipalities.PATH + "/" + code).send().expect(200).etag();
                modulesBefore = api.get("/api/v1/modules").send().expect(200).array();
            }
            List<List<String>> historyBefore = db.changelog();
            assertHistoryIsComplete(historyBefore);

            try (MachiServer second = MachiServer.machiJar("second", db).start()) {
                Api api = second.api();
                Reply m = api.get(Municipalities.PATH + "/" + code).send().expect(200);
                assertEquals(code, m.object().getString("code"));
                assertEquals("試験市" + code, m.object().getString("nameJa"));
                assertEquals(etag, m.etag(), "same version after the restart");
                assertTrue(api.get(Municipalities.PATH + "/" + code + "/modules/planning").send().expect(200)
                        .object().getBoolean("enabled"), "planning still enabled");
                api.get(Municipalities.PATH + "/" + code + "/planning").send().expect(200);
                assertFalse(api.get(Municipalities.PATH + "/" + code + "/modules/engagement").send().expect(200)
                        .object().getBoolean("enabled"));
                assertEquals(modulesBefore, api.get("/api/v1/modules").send().expect(200).array(),
                        "the same modules in the same state");
                if (db.kind() == jp.machi.it.support.DatabaseKind.POSTGRESQL) {
                    // PostgreSQL can be read while the server runs.
                    assertEquals(historyBefore, db.changelog(), "no changeset ran again");
                }
            }
            // Every changeset once, with the same execution order and time as before: nothing re-ran.
            assertEquals(historyBefore, db.changelog(), "no changeset ran again");
        }
    }

    /**
     * Core's and each module's changelog ran (logical file paths {@code machi/<id>} or
     * {@code machi/<id>/<file>}), and every (id, author, file) appears once.
     */
    static void assertHistoryIsComplete(List<List<String>> rows) {
        Set<String> keys = new HashSet<>();
        Set<String> owners = new HashSet<>();
        for (List<String> row : rows) {
            assertTrue(keys.add(row.get(0) + "|" + row.get(1) + "|" + row.get(2)), () -> "twice: " + row);
            String[] parts = row.get(2).split("/");
            owners.add(parts.length > 1 ? parts[0] + "/" + parts[1] : row.get(2));
        }
        for (String owner : List.of("machi/core", "machi/planning", "machi/engagement", "machi/collaboration",
                "machi/promotion")) {
            assertTrue(owners.contains(owner), () -> owner + " never migrated: " + rows);
        }
    }
}
