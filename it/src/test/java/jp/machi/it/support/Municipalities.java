package jp.machi.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Registering municipalities the way a client does, for tests that need one. */
public final class Municipalities {

    public static final String PATH = "/api/v1/municipalities";

    private Municipalities() {
    }

    /** A registration body with plausible names. */
    public static JsonObject body(String code) {
        return Json.createObjectBuilder().add("code", code).add("nameJa", "試験市" + code)
                .add("nameKana", "しけんし").add("nameEn", "Test City " + code).build();
    }

    /** Registers a fresh municipality and returns its code. */
    public static String register(Api api) {
        String code = LgCodes.fresh();
        api.post(PATH).json(body(code)).send().expect(201);
        return code;
    }

    /** Switches a module on or off for a municipality. */
    public static void setModule(Api api, String code, String moduleId, boolean enabled) {
        api.put(PATH + "/" + code + "/modules/" + moduleId).json("{\"enabled\":" + enabled + "}").send().expect(200);
    }
}
