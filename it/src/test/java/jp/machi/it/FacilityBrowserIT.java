package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * 地域集会施設 through their screens in headless Chromium: staff register a facility in the console (the
 * API's field errors next to the fields), with its rooms and designated manager, enter a month's use and
 * the year's monitoring; the portal page shows the facility with its published monitoring and the link
 * to the open data. No script error.
 */
@MachiTest
@BrowserTest
class FacilityBrowserIT {

    private final Api api;

    FacilityBrowserIT(Api api) {
        this.api = api;
    }

    @Test
    void staffRegisterAFacilityWithUseAndMonitoringAndThePortalShowsIt(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        String base = Municipalities.PATH + "/" + lg;
        Api.Account staff = api.newUser("STAFF", lg);
        int fy = FacilityIT.FY;

        b.windowSize(1280, 900);
        ConsoleIT.signIn(b, staff);
        b.click("#nav a[data-nav='collaboration/collaboration-facilities']");
        b.waitFor("#new-facility");
        b.click("#new-facility");
        b.waitFor("#facility-form");
        b.click("#save-facility");
        b.waitFor("#facility-form .form-summary");
        assertEquals("true", b.attribute("#facility-form [name=name]", "aria-invalid"));
        b.type("#facility-form [name=name]", "見本みどりコミュニティセンター");
        b.type("#facility-form [name=address]", "見本市みどり町1-1（架空）");
        b.type("#facility-form [name=rooms]", "集会室: 50\n和室: 20");
        b.type("#facility-form [name='m0-organisationName']", "（架空）見本みどり協議会");
        b.type("#facility-form [name='m0-fromYear']", "令和3年度");
        // A period that includes this fiscal year: the portal shows this year's designated manager only.
        b.type("#facility-form [name='m0-toYear']", String.valueOf(fy + 3));
        b.click("#save-facility");
        b.waitForText("h1", "見本みどりコミュニティセンター");
        b.waitFor("#facility-use-form");
        String id = String.valueOf(b.script("return location.hash.split('/').pop();"));
        JsonObject f = api.get(base + "/collaboration/facilities/" + id).send().expect(200).object();
        assertEquals(70, f.getInt("capacity"));
        assertEquals(2021, f.getJsonArray("managers").getJsonObject(0).getInt("fromYear"));

        b.select(".facility-use [name=useYear]", String.valueOf(fy));
        b.waitForText(".facility-use caption", FacilityIT.label(fy));
        b.type("#facility-use-form [name=b0]", "120");
        b.type("#facility-use-form [name=u0]", "1800");
        b.click("#save-use");
        b.waitForText(".facility-use caption", "1,800");
        assertEquals(1800, api.get(base + "/collaboration/facilities/" + id + "/use/" + fy).send().expect(200).object()
                .getInt("users"));

        b.select("#facility-monitoring-form [name=fiscalYear]", String.valueOf(fy));
        b.select("#facility-monitoring-form [name=s0]", "4");
        b.select("#facility-monitoring-form [name=rating]", "A");
        b.type("#facility-monitoring-form [name=comment]", "利用者の満足度が高い");
        b.click("#facility-monitoring-form [name=published]");
        b.click("#save-monitoring");
        b.waitForText(".notice", "モニタリングを保存しました");
        b.waitForText(".facility-monitorings", "利用者の満足度が高い");
        b.screenshot("collaboration-facility");
        assertEquals(List.of(), ConsoleIT.unexpectedErrors(b).stream().filter(e -> !e.contains("status of 400")).toList(),
                "no script error, no CSP violation");

        b.windowSize(375, 900);
        b.open("/p/" + lg + "/collaboration-facilities-portal");
        b.waitForText(".machi-facility h2", "見本みどりコミュニティセンター");
        String page = String.valueOf(b.script("return document.body.innerText;"));
        assertTrue(page.contains("（架空）見本みどり協議会") && page.contains("利用者の満足度が高い") && page.contains("集会室 (50人)"),
                page);
        assertTrue(b.present("a.machi-open-data"));
        assertFalse(page.contains(staff.login()), page);
        b.screenshot("portal-facilities");
    }
}
