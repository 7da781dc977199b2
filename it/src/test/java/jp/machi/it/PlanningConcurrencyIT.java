package jp.machi.it;

import jakarta.json.JsonObject;
import java.util.List;
import jp.machi.it.support.ConcurrencyCase;
import jp.machi.it.support.ConcurrencyCase.Fixture;
import jp.machi.it.support.ConcurrencyContract;
import jp.machi.it.support.MachiTest;

/** The concurrency contract ({@link ConcurrencyContract}) for the planning module's guarded operations. */
@MachiTest
class PlanningConcurrencyIT extends ConcurrencyContract {

    static final String M = "/api/v1/municipalities/{lgCode}/planning";

    static String unit(Fixture f, String kind, String parentId) {
        String code = "C" + Long.toString(System.nanoTime(), 36);
        String parent = parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"";
        return f.post("/organization-units", "{\"code\":\"" + code + "\",\"nameJa\":\"試験" + code + "\",\"kind\":\"" + kind
                + "\",\"validFrom\":\"2020-04-01\"" + parent + "}").object().getString("id");
    }

    static String plan(int n) {
        return "{\"name\":\"総合計画 " + n + "\",\"firstFiscalYear\":\"R3\",\"lastFiscalYear\":\"R7\"}";
    }

    static String node(int n) {
        return "{\"number\":\"" + n + "\",\"title\":\"基本目標 " + n + "\"}";
    }

    String program(int cost) {
        return "{\"fiscalYear\":\"R6\",\"programNumber\":\"" + number + "\",\"name\":\"広報紙発行事業\",\"unitName\":\"広報戦略課\","
                + "\"costs\":[{\"fiscalYear\":2024,\"programCost\":" + cost + "}]}";
    }

    String programNamed(int n) {
        return "{\"fiscalYear\":\"R6\",\"programNumber\":\"" + number + "\",\"name\":\"広報紙発行事業 " + n + "\",\"unitName\":\"広報戦略課\","
                + "\"costs\":[{\"fiscalYear\":2024,\"programCost\":1000}]}";
    }

    static long programCost(JsonObject p) {
        return p.getJsonArray("costs").getJsonObject(0).getJsonNumber("programCost").longValue();
    }

    /** The units the last created policy and division plan belong to (their bodies name them). */
    private volatile String department;
    private volatile String division;
    /** The number of the last created program or reform item (unique in the municipality). */
    private volatile int number;
    private static final java.util.concurrent.atomic.AtomicInteger NUMBERS = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public List<ConcurrencyCase> cases() {
        return List.of(
                ConcurrencyCase.of("plan")
                        .create(f -> f.item("/planning/plans", f.post("/planning/plans", plan(0))))
                        .put(PlanningConcurrencyIT::plan).delete()
                        .action("/renumber", "{\"levels\":[{\"scheme\":\"SEQUENCE\"}]}", 200)
                        .covers("PUT " + M + "/plans/{planId}", "DELETE " + M + "/plans/{planId}",
                                "POST " + M + "/plans/{planId}/renumber"),
                ConcurrencyCase.of("plan node")
                        .create(f -> {
                            String plan = f.item("/planning/plans", f.post("/planning/plans", plan(0)));
                            String parent = f.api().post(plan + "/nodes").json(node(1)).send().expect(201).object().getString("id");
                            String child = f.api().post(plan + "/nodes").json("{\"title\":\"施策\",\"parentId\":\"" + parent + "\"}")
                                    .send().expect(201).object().getString("id");
                            return plan + "/nodes/" + child;
                        })
                        .put(PlanningConcurrencyIT::node).delete()
                        .action("/move", "{\"parentId\":null}", 200)
                        .covers("PUT " + M + "/plans/{planId}/nodes/{nodeId}", "DELETE " + M + "/plans/{planId}/nodes/{nodeId}",
                                "POST " + M + "/plans/{planId}/nodes/{nodeId}/move"),
                ConcurrencyCase.of("indicator of a plan node")
                        .create(f -> {
                            String plan = f.item("/planning/plans", f.post("/planning/plans", plan(0)));
                            String nodeId = f.api().post(plan + "/nodes").json(node(1)).send().expect(201).object().getString("id");
                            String indicator = f.post("/indicators", CoreConcurrencyIT.indicator(0, 0)).object().getString("id");
                            String link = f.api().post(plan + "/nodes/" + nodeId + "/indicators")
                                    .json("{\"indicatorId\":\"" + indicator + "\"}").send().expect(201).object().getString("id");
                            return plan + "/nodes/" + nodeId + "/indicators/" + link;
                        })
                        .put(n -> "{\"role\":\"PROCESS\",\"weight\":" + n + "}").delete()
                        .covers("PUT " + M + "/plans/{planId}/nodes/{nodeId}/indicators/{linkId}",
                                "DELETE " + M + "/plans/{planId}/nodes/{nodeId}/indicators/{linkId}"),
                ConcurrencyCase.of("program")
                        .create(f -> {
                            number = NUMBERS.incrementAndGet();
                            return f.item("/planning/programs", f.post("/planning/programs", program(1000)));
                        })
                        .put(this::programNamed)
                        .childChange(n -> program(1000 + n))
                        .counter(this::program, PlanningConcurrencyIT::programCost)
                        .delete()
                        .covers("PUT " + M + "/programs/{id}", "DELETE " + M + "/programs/{id}"),
                ConcurrencyCase.of("department policy")
                        .create(f -> {
                            department = unit(f, "DEPARTMENT", null);
                            return f.item("/planning/department-policies", f.post("/planning/department-policies",
                                    policy(department, 0, 0)));
                        })
                        .put(n -> policy(department, 0, n)).childChange(n -> policy(department, 0, n))
                        .counter(n -> policy(department, n, 0), j -> j.getJsonObject("resources").getInt("budgetProgramCount"))
                        .delete()
                        .covers("PUT " + M + "/department-policies/{id}", "DELETE " + M + "/department-policies/{id}"),
                ConcurrencyCase.of("division plan")
                        .create(f -> {
                            division = unit(f, "DIVISION", null);
                            return f.item("/planning/division-plans", f.post("/planning/division-plans", divisionPlan(division, 0, 0)));
                        })
                        .put(n -> divisionPlan(division, n, 0)).childChange(n -> divisionPlan(division, 0, n)).delete()
                        .covers("PUT " + M + "/division-plans/{id}", "DELETE " + M + "/division-plans/{id}"),
                ConcurrencyCase.of("reform item")
                        .create(f -> {
                            number = NUMBERS.incrementAndGet();
                            return f.item("/planning/reform-items", f.post("/planning/reform-items", reform(0, 0)));
                        })
                        .put(n -> reform(n, 0)).childChange(n -> reform(0, n)).delete()
                        .covers("PUT " + M + "/reform-items/{id}", "DELETE " + M + "/reform-items/{id}"));
    }

    static String policy(String dept, int n, int goals) {
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < goals % 3 + 1; i++) {
            g.append(i == 0 ? "" : ",").append("{\"title\":\"目標 ").append(goals).append('-').append(i).append("\"}");
        }
        return "{\"departmentId\":\"" + dept + "\",\"fiscalYear\":\"R5\",\"title\":\"令和5年度 部の運営方針書\","
                + "\"goals\":[" + g + "],\"resources\":{\"budgetProgramCount\":" + n + "}}";
    }

    static String divisionPlan(String division, int n, int aims) {
        return "{\"divisionId\":\"" + division + "\",\"fiscalYear\":\"R5\",\"title\":\"業務計画 " + n + "\","
                + "\"aims\":[{\"number\":1,\"text\":\"ねらい " + aims + "\"}]}";
    }

    String reform(int n, int examples) {
        return "{\"itemNumber\":" + number + ",\"firstFiscalYear\":\"R2\",\"lastFiscalYear\":\"R6\",\"theme\":\"協働のまちづくり\","
                + "\"title\":\"市民協働による事業の推進 " + n + "\",\"examples\":[\"例 " + examples + "\"],"
                + "\"schedule\":[{\"activity\":\"推進 " + examples + "\",\"fromFiscalYear\":\"R2\",\"toFiscalYear\":\"R6\"}]}";
    }
}
