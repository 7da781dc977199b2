package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The nightly anonymisation, on a server of its own whose schedule says "every minute"
 * (MACHI_PERSONAL_DATA_ANONYMISE_HOUR/MINUTE = *): with a retention period of 0 years, a closed
 * voice loses its sender within about a minute, without anybody calling the API, and the audit
 * trail names the system as the actor; an open voice keeps its sender.
 */
@MachiTest
class PersonalDataScheduleIT {

    @Test
    void theScheduledRunAnonymisesClosedVoicesPastRetention() throws Exception {
        try (TestDatabase db = TestDatabase.migrated("pd-schedule");
                MachiServer server = MachiServer.machiJar("pd-schedule", db)
                        .env("MACHI_PERSONAL_DATA_ANONYMISE_HOUR", "*").env("MACHI_PERSONAL_DATA_ANONYMISE_MINUTE", "*")
                        .start()) {
            Api api = server.api();
            String lg = Municipalities.register(api);
            Municipalities.setModule(api, lg, "engagement", true);
            String voices = Municipalities.PATH + "/" + lg + "/engagement/voices";
            String personal = Municipalities.PATH + "/" + lg + "/personal-data";
            Api anonymous = api.anonymous();
            for (String subject : List.of("閉じる件", "開いたままの件")) {
                anonymous.post(voices).json("{\"subject\":\"" + subject + "\",\"body\":\"本文\",\"name\":\"予定 太郎\","
                        + "\"email\":\"schedule-" + subject.length() + "@example.jp\",\"wantsReply\":true}").send()
                        .expect(201);
            }
            JsonObject toClose = api.get(voices + "?size=500").send().expect(200).object().getJsonArray("items")
                    .stream().map(v -> v.asJsonObject()).filter(v -> v.getString("subject").equals("閉じる件"))
                    .findFirst().orElseThrow();
            String id = toClose.getString("id");
            Reply current = api.get(voices + "/" + id).send().expect(200);
            api.put(voices + "/" + id).ifMatch(current.etag()).json("{\"channel\":\"WEB_FORM\",\"subject\":\"閉じる件\","
                    + "\"body\":\"本文\",\"status\":\"CLOSED\",\"answerDue\":\"" + toClose.getString("answerDue")
                    + "\",\"published\":false}").send().expect(200);
            Reply settings = api.get(personal + "/settings").send().expect(200);
            api.put(personal + "/settings").ifMatch(settings.etag()).json("{\"retentionYears\":0}").send().expect(200);

            Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
            String name = null;
            while (Instant.now().isBefore(deadline)) {
                name = api.get(voices + "/" + id + "?reveal=personal-data").send().expect(200).object()
                        .getString("senderName", null);
                if ("匿名".equals(name)) {
                    break;
                }
                Thread.sleep(5000);
            }
            assertEquals("匿名", name, "anonymised by the scheduled run");
            JsonObject after = api.get(voices + "/" + id + "?reveal=personal-data").send().expect(200).object();
            assertTrue(!after.containsKey("senderEmail") || after.isNull("senderEmail"), after::toString);
            assertEquals("閉じる件", after.getString("subject"));

            JsonObject update = api.get(Municipalities.PATH + "/" + lg + "/audit-events?action=UPDATE&entityId=" + id)
                    .send().expect(200).object().getJsonArray("items").getJsonObject(0);
            assertEquals("system", update.getJsonObject("actor").getString("name"), update::toString);
            assertTrue(update.getJsonObject("changes").getJsonObject("after").containsKey("anonymisedAt"),
                    update::toString);

            long open = api.get(voices + "?size=500").send().expect(200).object().getJsonArray("items").stream()
                    .map(v -> v.asJsonObject()).filter(v -> v.getString("subject").equals("開いたままの件"))
                    .filter(v -> !v.containsKey("anonymisedAt") || v.isNull("anonymisedAt")).count();
            assertEquals(1, open, "an open voice keeps its sender");
            assertTrue(Files.readString(server.log()).contains("Anonymisation of personal data past retention scheduled"));
        }
    }
}
