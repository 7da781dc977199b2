package jp.machi.planning.program.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jp.machi.core.module.MetricDefinition;
import org.junit.jupiter.api.Test;

class ProgramMetricsTest {

    @Test
    void oneMetricPerProgramsAndPerDefaultDirection() {
        List<String> ids = ProgramMetrics.DEFINITIONS.stream().map(MetricDefinition::id).toList();
        assertEquals(9, ids.size());
        assertEquals("programs-per-fiscal-year", ids.get(0));
        assertTrue(ids.contains("programs-by-direction-improve"));
        MetricDefinition improve = ProgramMetrics.DEFINITIONS.get(3);
        assertEquals("今後の方向性「改善」の事務事業数", improve.name().ja());
        assertEquals("Programs decided to improve (改善)", improve.name().en());
        assertEquals("改善", ProgramMetrics.DIRECTIONS.get("improve"));
    }
}
