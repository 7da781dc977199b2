package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.Demo;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import org.junit.jupiter.api.Test;

/**
 * MACHI_DEMO=true (the shared demo server): 須坂市 (seed 002, 施策35) gets an invented FY2019 survey, marked
 * （架空のデモデータ）, whose 200 invented answers reproduce the seed's 86.5 % for 「広報須坂」を読んでいる人の割合;
 * the indicator 35.O1 is bound to the question's metric and shows 86.5 for FY2019 from it.
 */
@MachiTest
class SurveyDemoIT {

    @Test
    void suzakasReadersOfKohoSuzakaComeFromAnInventedSurvey(@Demo MachiServer server) {
        Api api = server.api();
        String s = Municipalities.PATH + "/202070";
        List<JsonObject> surveys = api.get(s + "/engagement/surveys?fiscalYear=2019").send().expect(200).object()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, surveys.size());
        JsonObject survey = surveys.get(0);
        assertTrue(survey.getString("title").contains("架空"), survey::toString);
        assertEquals(200, survey.getInt("responses"));
        assertEquals("令和元年度", survey.getString("fiscalYearLabel"));
        JsonObject results = api.anonymous().get(s + "/engagement/surveys/published/" + survey.getString("id")).send()
                .expect(200).object();
        JsonObject read = results.getJsonArray("questions").getJsonObject(0);
        assertEquals(120, read.getJsonArray("counts").getJsonObject(0).getInt("count"));
        assertEquals(53, read.getJsonArray("counts").getJsonObject(1).getInt("count"));
        JsonObject indicator = api.get(s + "/indicators?q=35.O1").send().expect(200).object().getJsonArray("items").getJsonObject(0);
        assertEquals("「広報須坂」を読んでいる人の割合", indicator.getString("nameJa"));
        assertEquals("engagement:survey-share.koho-suzaka", indicator.getString("metricSource"));
        assertEquals(86.5, indicator.getJsonObject("baseline").getJsonNumber("value").doubleValue());
        JsonObject fy2019 = IndicatorIT.year(indicator, 2019);
        assertEquals(86.5, fy2019.getJsonNumber("actual").doubleValue());
        assertEquals("METRIC", fy2019.getString("actualSource"));
        assertEquals(90.0, indicator.getJsonObject("finalTarget").getJsonNumber("value").doubleValue());
    }
}
