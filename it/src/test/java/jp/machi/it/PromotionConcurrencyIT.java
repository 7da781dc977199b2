package jp.machi.it;

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

    static String donorOf(Fixture f) {
        return f.post("/promotion/donors", person(0)).object().getString("id");
    }

    @Override
    public List<ConcurrencyCase> cases() {
        return List.of(
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
                        .covers("PUT " + M + "/return-gifts/{id}", "DELETE " + M + "/return-gifts/{id}"));
    }
}
