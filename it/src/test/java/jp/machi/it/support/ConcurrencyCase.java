package jp.machi.it.support;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * One If-Match-guarded resource as {@link ConcurrencyContract} proves it: how to make one (in a
 * fresh municipality with every module on), which operations of {@code /openapi} it covers, the
 * bodies of distinct changes, and optionally a countable field, a change of child rows only and a
 * guarded action. {@code ConcurrencyCoverageIT} fails for every guarded operation that no case
 * {@linkplain #covers covers}.
 *
 * <pre>{@code
 * ConcurrencyCase.of("indicator")
 *     .create(f -> f.created(f.post("/indicators", indicator(0))))   // → the item's path
 *     .put(n -> indicator(n))                                         // PUT item: distinct bodies
 *     .counter(n -> indicator(n), j -> actual(j))                     // N clients × M increments
 *     .delete()                                                       // DELETE item
 *     .covers("PUT /api/v1/municipalities/{lgCode}/indicators/{id}",
 *             "DELETE /api/v1/municipalities/{lgCode}/indicators/{id}");
 * }</pre>
 */
public final class ConcurrencyCase {

    /**
     * A fresh municipality (every module on): the case's client ({@link #as}; else the platform
     * administrator) and the platform administrator's.
     */
    public record Fixture(Api api, String lgCode, Api admin) {
        /** {@code /api/v1/municipalities/{lgCode}}. */
        public String base() {
            return Municipalities.PATH + "/" + lgCode;
        }

        /** POSTs {@code json} to {@code base() + path}, expecting 201. */
        public Reply post(String path, Object json) {
            return api.post(base() + path).json(json).send().expect(201);
        }

        /** The item a 201 made: its {@code Location}, else {@code base() + collection + "/" + id}. */
        public String item(String collection, Reply created) {
            return base() + collection + "/" + created.object().getString("id");
        }
    }

    /** A guarded action (a POST with If-Match) on the item: its path below the item and its body (JSON, or a {@code byte[]} sent raw). */
    public record Action(String subPath, Object body, int success) {
    }

    final String name;
    Function<Fixture, String> create;
    IntFunction<Object> change;
    String updateMethod = "PUT";
    boolean mergePatchOff;
    String updateSuffix = "";
    IntFunction<Object> counted;
    ToLongFunction<JsonObject> count;
    IntFunction<Object> childChange;
    boolean delete;
    boolean revokes;
    Function<Fixture, Api> client;
    private volatile Fixture asClient;
    final List<Action> actions = new ArrayList<>();
    final Set<String> covers = new LinkedHashSet<>();

    private ConcurrencyCase(String name) {
        this.name = name;
    }

    public static ConcurrencyCase of(String name) {
        return new ConcurrencyCase(name);
    }

    /** Makes the resource in the fixture's municipality and returns its path (GET answers it with an ETag). */
    public ConcurrencyCase create(Function<Fixture, String> create) {
        this.create = create;
        return this;
    }

    /**
     * Who makes and writes the resource, when the platform administrator may not (a module role such
     * as {@code collaboration.approver}); made once per fixture.
     */
    public ConcurrencyCase as(Function<Fixture, Api> client) {
        this.client = client;
        return this;
    }

    /** The fixture as this case's client sees it. */
    synchronized Fixture fixture(Fixture f) {
        if (client == null) {
            return f;
        }
        if (asClient == null || !asClient.lgCode().equals(f.lgCode())) {
            asClient = new Fixture(client.apply(f), f.lgCode(), f.admin());
        }
        return asClient;
    }

    /** {@code PUT} on the item; {@code body(n)} must differ for every n (n ≥ 1) and be accepted. */
    public ConcurrencyCase put(IntFunction<Object> body) {
        this.change = body;
        this.updateMethod = "PUT";
        return this;
    }

    /**
     * {@code PUT} on {@code item + suffix} (e.g. {@code "/module-roles"}, {@code "/routing"}): a part
     * of the item written on its own, guarded by the item's ETag.
     */
    public ConcurrencyCase put(String suffix, IntFunction<Object> body) {
        this.updateSuffix = suffix;
        return put(body);
    }

    /**
     * The case's PUT has no PATCH beside it (it carries {@code @Extension(name = "x-merge-patch", value = "false")},
     * so {@code /openapi} lists none): the contract proves the PUT only. Say why in the PUT's summary.
     */
    public ConcurrencyCase withoutMergePatch() {
        this.mergePatchOff = true;
        return this;
    }

    /** {@code PATCH} on the item, as {@link #put}. */
    public ConcurrencyCase patch(IntFunction<Object> body) {
        this.change = body;
        this.updateMethod = "PATCH";
        return this;
    }

    /**
     * A countable field: {@code body(v)} sets it to {@code v}, {@code read} reads it from the GET
     * representation. N clients each make M acknowledged increments; the field ends at N×M.
     */
    public ConcurrencyCase counter(IntFunction<Object> body, ToLongFunction<JsonObject> read) {
        this.counted = body;
        this.count = read;
        return this;
    }

    /** A body that changes only child rows (yearly values, lines, …) for n = 1, 2, …: a new ETag each time. */
    public ConcurrencyCase childChange(IntFunction<Object> body) {
        this.childChange = body;
        return this;
    }

    /** {@code DELETE} on the item is guarded too. */
    public ConcurrencyCase delete() {
        this.delete = true;
        return this;
    }

    /** {@code DELETE} on the item is guarded and revokes it: the record stays, marked (an api_key). */
    public ConcurrencyCase revoke() {
        this.delete = true;
        this.revokes = true;
        return this;
    }

    /** A guarded POST on {@code item + subPath} answering {@code success} once, then 412 to a second with the same ETag. */
    public ConcurrencyCase action(String subPath, Object body, int success) {
        actions.add(new Action(subPath, body, success));
        return this;
    }

    /** The operations of {@code /openapi} ("PUT /api/v1/…/{id}") this case proves. */
    public ConcurrencyCase covers(String... operations) {
        Collections.addAll(covers, operations);
        return this;
    }

    public String name() {
        return name;
    }

    /**
     * The operations this case proves: those it {@linkplain #covers covers}, and for every PUT among
     * them when the case {@linkplain #put puts}, the PATCH (JSON Merge Patch) of the same path, which
     * core gives every PUT: the contract proves it with the same bodies sent as merge patches.
     */
    public Set<String> operations() {
        Set<String> all = new LinkedHashSet<>(covers);
        if (mergePatches()) {
            for (String op : covers) {
                if (op.startsWith("PUT ")) {
                    all.add("PATCH " + op.substring(4));
                }
            }
        }
        return Collections.unmodifiableSet(all);
    }

    /** Whether the contract proves the PATCH beside the case's PUT. */
    boolean mergePatches() {
        return change != null && updateMethod.equals("PUT") && !mergePatchOff;
    }

    Optional<IntFunction<Object>> change() {
        return Optional.ofNullable(change);
    }

    @Override
    public String toString() {
        return name;
    }
}
