package jp.machi.it;

import jakarta.json.Json;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.machi.it.support.ConcurrencyCase;
import jp.machi.it.support.ConcurrencyCase.Fixture;
import jp.machi.it.support.ConcurrencyContract;
import jp.machi.it.support.MachiTest;

/** The concurrency contract ({@link ConcurrencyContract}) for the promotion module's guarded operations. */
@MachiTest
class PromotionConcurrencyIT extends ConcurrencyContract {

    static final String M = "/api/v1/municipalities/{lgCode}/promotion";
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** The donor of the last created donation; the unique name of the last created use. */
    private volatile String donor;
    private volatile String useName;

    /** The donor and three donations of 2024 of the last created one-stop application. */
    private volatile String osDonor;
    private volatile List<String> osDonations = List.of();

    /** A one-stop application of 2024 with note {@code n}, covering the donations picked by the bits of {@code pick} (0: none). */
    String oneStop(int n, int pick) {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            if ((pick & (1 << i)) != 0) {
                ids.append(ids.length() == 0 ? "" : ",").append('"').append(osDonations.get(i)).append('"');
            }
        }
        return "{\"donorId\":\"" + osDonor + "\",\"donationYear\":2024,\"receivedOn\":\"2024-12-01\",\"channel\":\"MAIL\","
                + "\"residenceCode\":\"131130\",\"residenceName\":\"東京都渋谷区\",\"identityCheckedOn\":\"2024-12-02\",\"note\":\"試験 " + n
                + "\",\"declaresNoTaxReturn\":true,\"declaresAtMostFive\":true,\"donationIds\":[" + ids + "]}";
    }

    /** The use and fiscal year of the last created use report (one report per year in a municipality). */
    private volatile String reportUse;
    private volatile int reportYear;

    /** A use report with summary {@code n} and {@code spent} yen spent on the use (a child row change). */
    String useReport(int n, int spent) {
        return "{\"fiscalYear\":\"" + reportYear + "\",\"summary\":\"試験 " + n + "\",\"lines\":[{\"useId\":\"" + reportUse
                + "\",\"spent\":" + spent + ",\"text\":\"活用\"}]}";
    }

    /** A marriage-support seminar with {@code n} participants. */
    static String marriage(int n) {
        return "{\"kind\":\"SEMINAR\",\"heldOn\":\"2024-06-01\",\"title\":\"講座 " + n + "\",\"participants\":" + n + "}";
    }

    /** The designation year of the last created collection-cost record (one record per year in a municipality). */
    private volatile int costYear;

    /** A designation year's collection costs with {@code n} yen of publicity and {@code fee} yen of portal fees (a child row change). */
    String costs(int n, int fee) {
        return "{\"designationYear\":" + costYear + ",\"note\":\"試験 " + n + "\",\"lines\":[{\"category\":\"広報\",\"amount\":1000},"
                + "{\"category\":\"ポータルサイト手数料\",\"amount\":" + fee + "}]}";
    }

    /** A donor (invented test data), {@code n} in the address. */
    static String person(int n) {
        return "{\"name\":\"試験 花子\",\"nameKana\":\"シケンハナコ\",\"postalCode\":\"7458655\",\"address\":\"試験県試験市本町"
                + n + "\",\"phone\":\"0834-22-8211\",\"email\":\"donor" + n + "@example.jp\"}";
    }

    String donation(int amount) {
        return "{\"donorId\":\"" + donor + "\",\"receivedOn\":\"2024-05-01\",\"amount\":" + amount
                + ",\"paymentMethod\":\"CREDIT_CARD\",\"channel\":\"ふるさとチョイス\"}";
    }

    static String gift(int n) {
        return "{\"name\":\"地場産品 " + n + "\",\"supplier\":\"試験市物産協会\",\"ground\":\"PRODUCED_LOCALLY\","
                + "\"procurementCost\":3000,\"shippingCost\":1000,\"donationAmount\":" + (10000 + n) + "}";
    }

    String use(int n) {
        return "{\"name\":\"" + useName + "\",\"description\":\"活用します " + n + "\",\"sortOrder\":" + n + "}";
    }

    /** A PR channel named by {@code n} with one month whose pages updated are {@code pages}. */
    static String prChannel(int n, int pages) {
        return "{\"name\":\"公式X " + n + "\",\"kind\":\"SNS\",\"months\":[{\"month\":\"2024-04\",\"pagesUpdated\":" + pages + "}]}";
    }

    /** The channel of the last created PR content item. */
    private volatile String contentChannel;

    /** A PR content item on {@link #contentChannel} titled by {@code n}. */
    String prContent(int n) {
        return "{\"channelId\":\"" + contentChannel + "\",\"title\":\"お知らせ " + n + "\",\"publishedOn\":\"2024-06-01\"}";
    }

    static String donorOf(Fixture f) {
        return f.post("/promotion/donors", person(0)).object().getString("id");
    }

    @Override
    public List<ConcurrencyCase> cases() {
        return List.of(
                ConcurrencyCase.of("one-stop application")
                        .create(f -> {
                            osDonor = donorOf(f);
                            List<String> ds = new java.util.ArrayList<>();
                            for (int i = 0; i < 3; i++) {
                                ds.add(f.post("/promotion/donations", "{\"donorId\":\"" + osDonor + "\",\"receivedOn\":\"2024-0" + (i + 4)
                                        + "-01\",\"amount\":10000,\"paymentMethod\":\"BANK_TRANSFER\"}").object().getString("id"));
                            }
                            osDonations = ds;
                            return f.item("/promotion/one-stop-applications", f.post("/promotion/one-stop-applications", oneStop(0, 0)));
                        })
                        .put(n -> oneStop(n, 0))
                        .childChange(n -> oneStop(0, n % 7 + 1))
                        .action("/changes", "{\"receivedOn\":\"2025-01-05\",\"kinds\":[\"ADDRESS\"],\"residenceCode\":\"141003\","
                                + "\"residenceName\":\"神奈川県横浜市\"}", 200)
                        .delete()
                        .covers("PUT " + M + "/one-stop-applications/{id}", "DELETE " + M + "/one-stop-applications/{id}",
                                "POST " + M + "/one-stop-applications/{id}/changes"),
                ConcurrencyCase.of("use report")
                        .create(f -> {
                            reportUse = f.post("/promotion/donation-uses", "{\"name\":\"活用報告の使途 " + SEQ.incrementAndGet() + "\"}").object()
                                    .getString("id");
                            reportYear = 2008 + SEQ.incrementAndGet() % 17;
                            return f.item("/promotion/use-reports", f.post("/promotion/use-reports", useReport(0, 0)));
                        })
                        .put(n -> useReport(n, 0))
                        .childChange(n -> useReport(0, n))
                        .delete()
                        .covers("PUT " + M + "/use-reports/{id}", "DELETE " + M + "/use-reports/{id}"),
                ConcurrencyCase.of("marriage-support activity")
                        .create(f -> f.item("/promotion/marriage-support", f.post("/promotion/marriage-support", marriage(0))))
                        .put(PromotionConcurrencyIT::marriage)
                        .counter(PromotionConcurrencyIT::marriage, j -> j.getInt("participants"))
                        .delete()
                        .covers("PUT " + M + "/marriage-support/{id}", "DELETE " + M + "/marriage-support/{id}"),
                ConcurrencyCase.of("collection costs of a designation year")
                        .create(f -> {
                            costYear = 2008 + SEQ.incrementAndGet() % 17;
                            return f.item("/promotion/collection-costs", f.post("/promotion/collection-costs", costs(0, 0)));
                        })
                        .put(n -> costs(n, 0))
                        .childChange(n -> costs(0, n))
                        .delete()
                        .covers("PUT " + M + "/collection-costs/{id}", "DELETE " + M + "/collection-costs/{id}"),
                ConcurrencyCase.of("PR channel")
                        .create(f -> f.item("/promotion/pr-channels", f.post("/promotion/pr-channels", prChannel(0, 0))))
                        .put(n -> prChannel(n, 0))
                        .childChange(n -> prChannel(0, n))
                        .delete()
                        .covers("PUT " + M + "/pr-channels/{id}", "DELETE " + M + "/pr-channels/{id}"),
                ConcurrencyCase.of("PR content item")
                        .create(f -> {
                            contentChannel = f.post("/promotion/pr-channels", prChannel(SEQ.incrementAndGet(), 0)).object().getString("id");
                            return f.item("/promotion/pr-contents", f.post("/promotion/pr-contents", prContent(0)));
                        })
                        .put(this::prContent)
                        .delete()
                        .covers("PUT " + M + "/pr-contents/{id}", "DELETE " + M + "/pr-contents/{id}"),
                ConcurrencyCase.of("donor")
                        .create(f -> f.item("/promotion/donors", f.post("/promotion/donors", person(0))))
                        .put(PromotionConcurrencyIT::person).delete()
                        .covers("PUT " + M + "/donors/{id}", "DELETE " + M + "/donors/{id}"),
                ConcurrencyCase.of("donation")
                        .create(f -> {
                            donor = donorOf(f);
                            return f.item("/promotion/donations", f.post("/promotion/donations", donation(10000)));
                        })
                        .put(n -> donation(10000 + n))
                        .counter(n -> donation(n == 0 ? 1 : n), j -> j.getJsonNumber("amount").longValue())
                        .delete()
                        .covers("PUT " + M + "/donations/{id}", "DELETE " + M + "/donations/{id}"),
                ConcurrencyCase.of("use of donations")
                        .create(f -> {
                            useName = "寄附金の使途 " + SEQ.incrementAndGet();
                            return f.item("/promotion/donation-uses", f.post("/promotion/donation-uses", use(0)));
                        })
                        .put(this::use)
                        .counter(this::use, j -> j.getInt("sortOrder"))
                        .delete()
                        .covers("PUT " + M + "/donation-uses/{id}", "DELETE " + M + "/donation-uses/{id}"),
                ConcurrencyCase.of("return gift")
                        .create(f -> f.item("/promotion/return-gifts", f.post("/promotion/return-gifts", gift(0))))
                        .put(PromotionConcurrencyIT::gift).delete()
                        .covers("PUT " + M + "/return-gifts/{id}", "DELETE " + M + "/return-gifts/{id}"),
                ConcurrencyCase.of("portal site's column mapping")
                        .create(f -> {
                            siteName = "試験サイト " + SEQ.incrementAndGet();
                            return f.item("/promotion/import-sites", f.post("/promotion/import-sites", site(0)));
                        })
                        .put(this::site).delete()
                        .covers("PUT " + M + "/import-sites/{id}", "DELETE " + M + "/import-sites/{id}"),
                ConcurrencyCase.of("migration consultation")
                        .create(f -> f.item("/promotion/migration-consultations",
                                f.post("/promotion/migration-consultations", consultation(0))))
                        .put(PromotionConcurrencyIT::consultation)
                        // Only the follow-ups (child rows) change: the consultation's ETag still moves.
                        .childChange(n -> Json.createObjectBuilder((jakarta.json.JsonObject) consultation(0))
                                .add("followUps", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                        .add("followedOn", "2024-06-20").add("channel", "EMAIL").add("note", "資料送付 " + n)))
                                .build())
                        .delete()
                        .covers("PUT " + M + "/migration-consultations/{id}", "DELETE " + M + "/migration-consultations/{id}"),
                ConcurrencyCase.of("supported migration")
                        .create(f -> f.item("/promotion/supported-migrations",
                                f.post("/promotion/supported-migrations", migration(0))))
                        .put(PromotionConcurrencyIT::migration).delete()
                        .covers("PUT " + M + "/supported-migrations/{id}", "DELETE " + M + "/supported-migrations/{id}"),
                ConcurrencyCase.of("vacant house")
                        .create(f -> f.item("/promotion/vacant-houses", f.post("/promotion/vacant-houses", house(0))))
                        .put(PromotionConcurrencyIT::house).delete()
                        .covers("PUT " + M + "/vacant-houses/{id}", "DELETE " + M + "/vacant-houses/{id}"),
                ConcurrencyCase.of("vacant house's photos")
                        .create(f -> {
                            String h = f.item("/promotion/vacant-houses", f.post("/promotion/vacant-houses", house(0)));
                            photoId = photo(f, h);
                            return h;
                        })
                        // Order and captions (child rows only): the property's ETag moves.
                        .put("/attachments", n -> Json.createObjectBuilder().add("photos", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("id", photoId).add("caption", "外観 " + n))).build())
                        .withoutMergePatch()
                        .action("/attachments?fileName=photo.png", VacantHousePhotoIT.picture("png"), 201)
                        .covers("PUT " + M + "/vacant-houses/{id}/attachments", "POST " + M + "/vacant-houses/{id}/attachments"),
                ConcurrencyCase.of("vacant house's photo")
                        .create(f -> {
                            String h = f.item("/promotion/vacant-houses", f.post("/promotion/vacant-houses", house(0)));
                            return h + "/attachments/" + photo(f, h);
                        })
                        .delete()
                        .covers("DELETE " + M + "/vacant-houses/{id}/attachments/{photoId}"),
                ConcurrencyCase.of("house seeker's registration")
                        .create(PromotionConcurrencyIT::seeker)
                        .action("/decision", "{\"approve\":true}", 200)
                        .covers("POST " + M + "/house-seekers/{id}/decision"),
                ConcurrencyCase.of("house seeker's renewal")
                        .create(f -> {
                            String seeker = seeker(f);
                            f.api().post(seeker + "/decision").ifMatch(f.api().get(seeker).send().expect(200).etag())
                                    .json("{\"approve\":true}").send().expect(200);
                            return seeker;
                        })
                        .action("/renewal", "{}", 200)
                        .covers("POST " + M + "/house-seekers/{id}/renewal"));
    }

    /** A house seeker registered from the portal, not yet decided: its path. */
    static String seeker(ConcurrencyCase.Fixture f) {
        String email = "seeker" + SEQ.incrementAndGet() + "@example.jp";
        f.api().anonymous().post(f.base() + "/promotion/public/house-seekers")
                .json(HouseSeekerIT.seeker("試験 三郎", email).build()).send().expect(201);
        return f.base() + "/promotion/house-seekers/" + f.api().get(f.base() + "/promotion/house-seekers?state=APPLIED&size=1")
                .send().expect(200).object().getJsonArray("items").getJsonObject(0).getString("id");
    }

    /** The last photo added by a case's fixture. */
    private volatile String photoId;

    /** Adds a photo to the property (its ETag as If-Match); its id. */
    static String photo(ConcurrencyCase.Fixture f, String house) {
        return f.api().post(house + "/attachments?fileName=photo.jpg").ifMatch(f.api().get(house).send().expect(200).etag())
                .body(VacantHousePhotoIT.picture("jpeg"), "image/jpeg").send().expect(201).object().getString("id");
    }

    /** The unique name of the last created portal site. */
    private volatile String siteName;

    Object site(int n) {
        return Json.createObjectBuilder().add("name", siteName).add("defaultPaymentMethod", "CREDIT_CARD")
                .add("columns", Json.createObjectBuilder().add("orderId", "受付番号 " + n).add("receivedOn", "入金日")
                        .add("amount", "寄附金額").add("name", "寄附者氏名"))
                .build();
    }

    /** A consultation (invented person), {@code n} in the household's description. */
    static Object consultation(int n) {
        return Json.createObjectBuilder().add("consultedOn", "2024-06-10").add("channel", "ONLINE").add("name", "試験 一郎")
                .add("email", "ichiro" + n + "@example.jp").add("householdSize", 2).add("household", "夫婦 " + n)
                .add("interestWork", true).build();
    }

    static Object migration(int n) {
        return Json.createObjectBuilder().add("movedInOn", "2024-04-01").add("households", 1).add("persons", 1 + n % 5)
                .add("supportUsed", "移住支援金 " + n).add("movedFrom", "東京都").build();
    }

    /** A property offered by an invented owner, {@code n} in its title. */
    static Object house(int n) {
        return Json.createObjectBuilder().add("title", "試験物件 " + n).add("area", "試験市 本町").add("dealType", "RENT_OR_SALE")
                .add("rent", 45000).add("price", 3500000).add("layout", "5DK").add("ownerName", "試験 次郎").add("ownerAddress", "試験県試験市本町1")
                .add("ownerEmail", "jiro@example.jp").build();
    }
}
