package jp.machi.it;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.machi.it.support.Api;
import jp.machi.it.support.ConcurrencyCase;
import jp.machi.it.support.ConcurrencyCase.Fixture;
import jp.machi.it.support.ConcurrencyContract;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Reply;

/** The concurrency contract ({@link ConcurrencyContract}) for the engagement module's guarded operations. */
@MachiTest
class EngagementConcurrencyIT extends ConcurrencyContract {

    static final String M = "/api/v1/municipalities/{lgCode}/engagement";
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** The answer due day of the last registered voice and the code of the last category (their bodies name them). */
    private volatile String answerDue;
    private volatile String code;
    private volatile List<String> units;

    private Api approver;

    /** A staff member with engagement.approver, made once. */
    synchronized Api approver(Fixture f) {
        if (approver == null) {
            approver = CollaborationPartnerIT.user(f.admin(), f.base(), "STAFF", "engagement.approver");
        }
        return approver;
    }

    /** Registers a letter as staff (invented sender) and answers its path. */
    String voice(Fixture f) {
        String path = f.base() + "/engagement/voices/" + VoiceRoutingIT.register(f.api(), f.base(), "LETTER", "2024-05-01", true);
        answerDue = f.api().get(path).send().expect(200).object().getString("answerDue");
        return path;
    }

    String handling(int n, String status, String answer) {
        return "{\"channel\":\"LETTER\",\"subject\":\"公園の照明 " + n + "\",\"body\":\"夜の公園が暗くて危ないです。\",\"status\":\""
                + status + "\",\"answerDue\":\"" + answerDue + "\",\"published\":false,\"writtenAnswerRequired\":true"
                + (answer == null ? "" : ",\"answer\":\"" + answer + "\"") + "}";
    }

    String category(int n) {
        return "{\"code\":\"" + code + "\",\"nameJa\":\"道路・公園 " + n + "\",\"nameEn\":\"Roads " + n + "\",\"groupName\":\"生活環境\","
                + "\"sortOrder\":" + n + "}";
    }

    /** A voice sent through the portal, caught by the honeypot: its path. */
    static String spam(Fixture f) {
        String subject = "格安のご案内 " + SEQ.incrementAndGet();
        String receipt = f.api().anonymous().post(f.base() + "/engagement/voices")
                .json("{\"subject\":\"" + subject + "\",\"body\":\"今すぐクリック\",\"website\":\"http://spam.example/\"}")
                .send().expect(201).object().getString("receiptNumber");
        String id = f.api().get(f.base() + "/engagement/voices?size=100&spam=true").send().expect(200).object()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getString("receiptNumber").equals(receipt)).findFirst().orElseThrow().getString("id");
        return f.base() + "/engagement/voices/" + id;
    }

    @Override
    public List<ConcurrencyCase> cases() {
        return List.of(
                ConcurrencyCase.of("citizen proposal")
                        .create(EngagementConcurrencyIT::proposal)
                        .put(n -> jakarta.json.Json.createObjectBuilder().add("title", "バス路線の見直し " + n)
                                .add("body", "郊外のバスの本数を増やしてほしい。").add("field", "交通").add("status", "RECEIVED")
                                .add("published", false).build())
                        .covers("PUT " + M + "/proposals/{id}"),
                ConcurrencyCase.of("survey")
                        .create(f -> f.item("/engagement/surveys", f.post("/engagement/surveys", survey(0, 0))))
                        .put(n -> survey(n, 0))
                        .childChange(n -> survey(0, n))
                        .action("/codes", jakarta.json.Json.createObjectBuilder().add("count", 2).build(), 201)
                        .delete()
                        .covers("PUT " + M + "/surveys/{id}", "POST " + M + "/surveys/{id}/codes",
                                "DELETE " + M + "/surveys/{id}"),
                ConcurrencyCase.of("town meeting")
                        .create(f -> f.item("/engagement/meetings", f.post("/engagement/meetings", meeting(0))))
                        .put(EngagementConcurrencyIT::meeting)
                        .action("/opinions", jakarta.json.Json.createObjectBuilder().add("opinion", "質問しやすい仕組みがほしい。")
                                .build(), 201)
                        .covers("PUT " + M + "/meetings/{id}", "POST " + M + "/meetings/{id}/opinions"),
                ConcurrencyCase.of("public comment procedure")
                        .create(f -> f.item("/engagement/public-comments", f.post("/engagement/public-comments", procedure(0))))
                        .put(EngagementConcurrencyIT::procedure)
                        .covers("PUT " + M + "/public-comments/{id}"),
                ConcurrencyCase.of("voice")
                        .create(this::voice)
                        .put(n -> handling(n, "RECEIVED", null))
                        .covers("PUT " + M + "/voices/{id}"),
                ConcurrencyCase.of("voice's routing")
                        .create(f -> {
                            if (units == null) {
                                List<String> made = new java.util.ArrayList<>();
                                for (int i = 0; i < 8; i++) {
                                    made.add(PlanningConcurrencyIT.unit(f, "DIVISION", null));
                                }
                                units = made;
                            }
                            return voice(f);
                        })
                        // One lead; the co-units are the bits of n, so every n routes differently.
                        .put("/routing", n -> {
                            StringBuilder co = new StringBuilder();
                            for (int i = 0; i < 7; i++) {
                                if ((n & (1 << i)) != 0) {
                                    co.append(co.length() == 0 ? "" : ",").append('"').append(units.get(i + 1)).append('"');
                                }
                            }
                            return "{\"unitId\":\"" + units.get(0) + "\",\"coUnitIds\":[" + co + "],\"reason\":\"回付 " + n + "\"}";
                        })
                        .covers("PUT " + M + "/voices/{id}/routing"),
                ConcurrencyCase.of("voice filed as spam")
                        .create(EngagementConcurrencyIT::spam)
                        .action("/not-spam", "{}", 200)
                        .covers("POST " + M + "/voices/{id}/not-spam"),
                ConcurrencyCase.of("voice's answer")
                        .create(f -> {
                            String v = voice(f);
                            f.api().put(v).ifMatch(f.api().get(v).send().expect(200).etag())
                                    .json(handling(0, "IN_PROGRESS", "照明を増やします。")).send().expect(200);
                            return v;
                        })
                        .action("/answer/transitions", "{\"action\":\"submit\"}", 200)
                        .covers("POST " + M + "/voices/{id}/answer/transitions"),
                ConcurrencyCase.of("voice's answer by e-mail")
                        .create(f -> {
                            String receipt = f.api().post(f.base() + "/engagement/voices").json("{\"subject\":\"公園の照明\","
                                    + "\"body\":\"夜の公園が暗いです。\",\"name\":\"見本 太郎\",\"email\":\"taro@example.jp\","
                                    + "\"channel\":\"LETTER\",\"receivedOn\":\"2024-05-01\"}").send().expect(201).object()
                                    .getString("receiptNumber");
                            String v = f.base() + "/engagement/voices/" + f.api().get(f.base() + "/engagement/voices?size=200")
                                    .send().expect(200).object().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                                    .filter(x -> x.getString("receiptNumber").equals(receipt)).findFirst().orElseThrow()
                                    .getString("id");
                            answerDue = f.api().get(v).send().expect(200).object().getString("answerDue");
                            f.api().put(v).ifMatch(f.api().get(v).send().expect(200).etag())
                                    .json(handling(0, "IN_PROGRESS", "照明を増やします。")).send().expect(200);
                            f.api().post(v + "/answer/transitions").ifMatch(f.api().get(v).send().expect(200).etag())
                                    .json("{\"action\":\"submit\"}").send().expect(200);
                            approver(f).post(v + "/answer/transitions").ifMatch(f.api().get(v).send().expect(200).etag())
                                    .json("{\"action\":\"approve\"}").send().expect(200);
                            return v;
                        })
                        .action("/answer-email", "{}", 200)
                        .covers("POST " + M + "/voices/{id}/answer-email"),
                ConcurrencyCase.of("voice category")
                        .create(f -> {
                            code = "c" + SEQ.incrementAndGet();
                            return f.item("/engagement/voice-categories", f.post("/engagement/voice-categories", category(0)));
                        })
                        .put(this::category)
                        .counter(this::category, j -> j.getInt("sortOrder"))
                        .delete()
                        .covers("PUT " + M + "/voice-categories/{id}", "DELETE " + M + "/voice-categories/{id}"),
                ConcurrencyCase.of("Open311 api_key")
                        .create(f -> f.item("/engagement/open311-keys", f.post("/engagement/open311-keys",
                                "{\"name\":\"試験アプリ " + SEQ.incrementAndGet() + "\"}")))
                        .revoke()
                        .covers("DELETE " + M + "/open311-keys/{id}"),
                ConcurrencyCase.of("voice's attachment")
                        .create(f -> {
                            String v = voice(f);
                            Reply r = f.api().post(v + "/attachments?fileName=memo.csv")
                                    .body("番号,内容\n1,照明\n".getBytes(StandardCharsets.UTF_8), "text/csv").send().expect(201);
                            return v + "/attachments/" + r.object().getString("id");
                        })
                        .delete()
                        .covers("DELETE " + M + "/voices/{id}/attachments/{attachmentId}"));
    }

    /** A student dialogue held online (invented), {@code n} in its title and participants. */
    /** A survey using invitation codes: {@code n} in its title, {@code c} in a choice's label (a child row). */
    static Object survey(int n, int c) {
        return jakarta.json.Json.createObjectBuilder().add("fiscalYear", 2024).add("title", "市民意識調査 " + n)
                .add("opensOn", "2024-07-01").add("closesOn", "2024-07-31").add("population", 2000).add("usesCodes", true)
                .add("questions", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder()
                        .add("kind", "SINGLE").add("text", "広報紙を読んでいますか。").add("choices", jakarta.json.Json
                                .createArrayBuilder().add(jakarta.json.Json.createObjectBuilder().add("label", "読んでいる " + c))
                                .add(jakarta.json.Json.createObjectBuilder().add("label", "読んでいない"))))).build();
    }

    static Object meeting(int n) {
        return jakarta.json.Json.createObjectBuilder().add("meetingDate", "2021-02-19").add("kind", "STUDENT")
                .add("title", "学生懇談会 " + n).add("online", true).add("status", "HELD").add("participants", 10 + n).build();
    }

    /** A draft plan put to public comment for 30 days from tomorrow, {@code n} in its title. */
    static Object procedure(int n) {
        java.time.LocalDate start = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(1);
        return jakarta.json.Json.createObjectBuilder().add("title", "計画（案） " + n).add("kind", "PLAN")
                .add("summary", "案の概要です。").add("periodStart", start.toString())
                .add("periodEnd", start.plusDays(29).toString()).build();
    }

    /** A letter proposal registered by staff (invented), found by its receipt number: its path. */
    static String proposal(Fixture f) {
        String receipt = f.post("/engagement/proposals", jakarta.json.Json.createObjectBuilder().add("title", "バス路線の見直し")
                .add("body", "郊外のバスの本数を増やしてほしい。").add("field", "交通").add("channel", "LETTER")
                .add("receivedOn", "2024-06-01").build()).object().getString("receiptNumber");
        String id = f.api().get(f.base() + "/engagement/proposals?size=100").send().expect(200).object()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("receiptNumber").equals(receipt)).findFirst().orElseThrow().getString("id");
        return f.base() + "/engagement/proposals/" + id;
    }
}
