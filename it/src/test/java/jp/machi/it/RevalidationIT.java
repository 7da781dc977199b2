package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.Test;

/**
 * What the public reads is revalidated instead of fetched again (issue 15): the portal's pages and the
 * public API answer with an ETag and {@code Cache-Control}; asking again with {@code If-None-Match}
 * gives 304 without a body while nothing changed, and the new answer with a new tag once something was
 * published. Staff answers keep their version ETags (If-Match) untouched.
 */
@MachiTest
class RevalidationIT {

    private final Api api;
    private final Api anonymous;

    RevalidationIT(MachiServer server) {
        this.api = server.api();
        this.anonymous = server.anonymousApi();
    }

    @Test
    void aPortalPageIsRevalidated() {
        String lg = Municipalities.register(api);
        String page = "/p/" + lg + "/planning-progress";
        Reply first = anonymous.get(page).accept("text/html").send().expect(200);
        String tag = first.etag();
        assertTrue(tag != null && tag.startsWith("W/\""), "a weak tag from the page's bytes: " + first);
        assertEquals("no-cache", first.header("Cache-Control").orElse(""), "kept, asked again each time");
        Reply again = anonymous.get(page).accept("text/html").header("If-None-Match", tag).send().expect(304);
        assertEquals(0, again.bytes().length, "304 has no body");
        assertEquals(tag, again.etag());
        anonymous.get(page).accept("text/html").header("If-None-Match", "W/\"something-else\"").send().expect(200);
    }

    @Test
    void thePublicPlansAreRevalidatedUntilAPlanIsPublished() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        String base = Municipalities.PATH + "/" + lg;
        String publicPlans = base + "/planning/public/plans";

        Reply empty = anonymous.get(publicPlans).send().expect(200);
        assertEquals(0, empty.object().getInt("totalItems"));
        String tag = empty.etag();
        assertTrue(tag != null && tag.startsWith("W/\""), empty::toString);
        anonymous.get(publicPlans).header("If-None-Match", tag).send().expect(304);

        // A draft changes nothing the public sees: still 304.
        api.post(base + "/planning/plans").json(Json.createObjectBuilder().add("name", "下書きの計画")
                .add("firstFiscalYear", 2021).add("lastFiscalYear", 2025).build()).send().expect(201);
        anonymous.get(publicPlans).header("If-None-Match", tag).send().expect(304);

        String id = api.post(base + "/planning/plans").json(Json.createObjectBuilder().add("name", "公開する計画")
                .add("firstFiscalYear", 2021).add("lastFiscalYear", 2025).add("published", true).build())
                .send().expect(201).object().getString("id");
        Reply changed = anonymous.get(publicPlans).header("If-None-Match", tag).send().expect(200);
        assertEquals(id, changed.object().getJsonArray("items").getJsonObject(0).getString("id"), changed::toString);
        assertNotEquals(tag, changed.etag(), "a new tag for the new answer");
        anonymous.get(publicPlans).header("If-None-Match", changed.etag()).send().expect(304);

        // A problem document is not tagged.
        Reply missing = anonymous.get(publicPlans + "/00000000-0000-0000-0000-000000000000").send().expect(404);
        assertTrue(missing.header("ETag").isEmpty(), missing::toString);
    }

    @Test
    void theConsolesFilesAreTaggedByTheirBytesAndTheLibrariesKeptForAYear() throws Exception {
        // The console's scripts, styles and page: asked again each time, tagged by a hash of their bytes, never by date.
        for (String file : List.of("/ui/core/kit.js", "/ui/core/console.css", "/ui/portal/portal.js", "/")) {
            Reply r = anonymous.get(file).send().expect(200);
            assertEquals("no-cache", r.header("Cache-Control").orElse(""), r::toString);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(r.bytes());
            assertEquals("W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"", r.etag(),
                    file + ": the tag comes from the bytes");
            assertTrue(r.header("Last-Modified").isEmpty(), file + " has no date to be judged by: " + r);
            Reply same = anonymous.get(file).header("If-None-Match", r.etag()).send().expect(304);
            assertEquals(0, same.bytes().length);
            anonymous.get(file).header("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT").send().expect(200);
        }
        // The page is also at its file's name, with the same tag.
        assertEquals(anonymous.get("/").send().expect(200).etag(), anonymous.get("/index.html").send().expect(200).etag());
        // A library from a WebJar has its version in its address: kept for a year without asking.
        Reply chart = anonymous.get("/webjars/chart.js/4.4.9/dist/chart.umd.js").send().expect(200);
        assertEquals("public, max-age=31536000, immutable", chart.header("Cache-Control").orElse(""), chart::toString);
        // A file that is not there is still the 404 it was.
        anonymous.get("/ui/core/no-such-file.js").send().expect(404);
    }

    @Test
    void staffAnswersKeepTheirVersionTags() {
        String lg = Municipalities.register(api);
        Reply m = api.get(Municipalities.PATH + "/" + lg).send().expect(200);
        assertFalse(m.etag().startsWith("W/"), "a municipality's ETag is its version, for If-Match: " + m.etag());
    }
}
