package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.Test;

/**
 * The answer deadline of a citizen voice (回答期限) comes from the municipality's engagement
 * setting {@code answerDeadlineDays} (declared default 40): changing it changes the deadline of a
 * new voice, in that municipality only; a deadline outside 1–366 days is refused.
 */
@MachiTest
class VoiceAnswerDeadlineIT {

    private final Api api;

    VoiceAnswerDeadlineIT(Api api) {
        this.api = api;
    }

    /** Sends a voice as a resident; the days from its receipt to its answer deadline. */
    private static long daysOf(Api who, String lg) {
        JsonObject r = who.post(Municipalities.PATH + "/" + lg + "/engagement/voices")
                .json("{\"subject\":\"期限の確認\",\"body\":\"本文\"}").send().expect(201).object();
        return ChronoUnit.DAYS.between(LocalDate.parse(r.getString("receivedOn")), LocalDate.parse(r.getString("answerDue")));
    }

    @Test
    void theMunicipalitysSettingGivesANewVoiceItsAnswerDeadline() {
        String lg = Municipalities.register(api);
        String other = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        Municipalities.setModule(api, other, "engagement", true);
        Api anonymous = api.anonymous();
        assertEquals(40, daysOf(anonymous, lg), "the declared default");

        String settings = Municipalities.PATH + "/" + lg + "/modules/engagement/settings";
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        Reply before = admin.get(settings).send().expect(200);
        Reply set = admin.put(settings).ifMatch(before.etag())
                .json(Json.createObjectBuilder().add("values", Json.createObjectBuilder().add("answerDeadlineDays", 14))
                        .build()).send().expect(200);
        assertEquals(14, daysOf(anonymous, lg), "the municipality's own value");
        assertEquals(40, daysOf(anonymous, other), "another municipality keeps the default");

        Reply zero = admin.put(settings).ifMatch(set.etag()).json(Json.createObjectBuilder()
                .add("values", Json.createObjectBuilder().add("answerDeadlineDays", 0)).build()).send();
        assertEquals("values.answerDeadlineDays",
                assertProblem(zero, 400, null).getJsonArray("errors").getJsonObject(0).getString("field"), zero::toString);
        assertEquals(14, daysOf(anonymous, lg), "a refused value writes nothing");
    }
}
