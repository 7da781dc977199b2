package jp.machi.promotion.donation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.donation.domain.CollectionCostLine;
import jp.machi.promotion.donation.domain.CollectionCostYear;
import jp.machi.promotion.donation.domain.DonationUse;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * ふるさと納税に関する現況調査: the yearly figures the Ministry of Internal Affairs asks for, laid out
 * as the survey's sheets: (1) donations received in the fiscal year (amount, count), (2) per use,
 * (3) the costs of collecting them per category with their share (the designation year starting in
 * October of the fiscal year, as the ministry's 5 割 rule counts them), (4) one-stop applications
 * (for the donations of the calendar year the fiscal year starts in). Every figure is summed in the
 * database when asked.
 */
@ApplicationScoped
@Transactional
public class HometaxSurvey {

    @Inject
    Tenancy tenancy;

    @Inject
    DonationService donations;

    @Inject
    CollectionCostService costs;

    /** One row of a sheet: the item, an amount in yen, a count, a share in % (each may be empty). */
    public record Row(String item, Long amount, Long count, BigDecimal percent) {
    }

    /** One sheet: its number and title, the period its figures cover, its rows. */
    public record Sheet(int number, String title, String period, List<Row> rows) {
    }

    public List<Sheet> sheets(int fiscalYear, Locale l) {
        List<Sheet> out = new ArrayList<>();
        FiscalYear fy = FiscalYear.of(fiscalYear);
        String fyLabel = fy.label(l);

        long[] t = donations.totals(fiscalYear);
        out.add(new Sheet(1, m(l, "title1"), fyLabel, List.of(new Row(m(l, "received"), t[0], t[1], null))));

        Map<UUID, long[]> byUse = new HashMap<>();
        for (Object[] r : tenancy.em().createQuery("SELECT x.useId, COALESCE(SUM(x.amount), 0), COUNT(x) FROM Donation x"
                + " WHERE x.fiscalYear = :fy GROUP BY x.useId", Object[].class).setParameter("fy", fiscalYear).getResultList()) {
            byUse.put((UUID) r[0], new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
        }
        List<Row> uses = new ArrayList<>();
        for (DonationUse u : tenancy.em().createQuery("SELECT u FROM DonationUse u ORDER BY u.sortOrder, u.name", DonationUse.class)
                .getResultList()) {
            long[] v = byUse.getOrDefault(u.getId(), new long[] {0, 0});
            if (u.isActive() || v[1] > 0) {
                uses.add(new Row(u.getName(), v[0], v[1], null));
            }
        }
        long[] none = byUse.getOrDefault(null, new long[] {0, 0});
        uses.add(new Row(m(l, "noUse"), none[0], none[1], null));
        uses.add(new Row(m(l, "total"), t[0], t[1], null));
        out.add(new Sheet(2, m(l, "title2"), fyLabel, uses));

        List<Row> cost = new ArrayList<>();
        CollectionCostYear year = tenancy.em().createQuery("SELECT y FROM CollectionCostYear y WHERE y.designationYear = :y",
                CollectionCostYear.class).setParameter("y", fiscalYear).getResultStream().findFirst().orElse(null);
        Map<String, Long> byCategory = new LinkedHashMap<>();
        costs.categories().forEach(c -> byCategory.put(c, 0L));
        if (year != null) {
            for (CollectionCostLine x : year.getLines()) {
                byCategory.merge(x.getCategory(), x.getAmount(), Long::sum);
            }
        }
        byCategory.forEach((k, v) -> cost.add(new Row(k, v, null, null)));
        CollectionCostService.Share s = costs.share(fiscalYear);
        cost.add(new Row(m(l, "costTotal"), s.costTotal(), null, s.sharePercent()));
        cost.add(new Row(m(l, "designationDonations"), s.donationAmount(), s.donationCount(), null));
        String period = "en".equals(l.getLanguage()) ? "Oct " + fiscalYear + " – Sep " + (fiscalYear + 1)
                : fiscalYear + "年10月〜" + (fiscalYear + 1) + "年9月";
        out.add(new Sheet(3, m(l, "title3"), period, cost));

        List<Row> os = new ArrayList<>();
        Map<String, Long> states = new HashMap<>();
        for (Object[] r : tenancy.em().createQuery("SELECT a.state, COUNT(a) FROM OneStopApplication a WHERE a.donationYear = :y"
                + " GROUP BY a.state", Object[].class).setParameter("y", fiscalYear).getResultList()) {
            states.put(r[0].toString(), ((Number) r[1]).longValue());
        }
        long all = states.values().stream().mapToLong(Long::longValue).sum();
        Object[] matched = tenancy.em().createQuery("SELECT COUNT(DISTINCT a.donorId), COUNT(DISTINCT a.residenceCode), COUNT(m)"
                + " FROM OneStopApplication a JOIN a.matches m WHERE a.donationYear = :y AND a.state = :s", Object[].class)
                .setParameter("y", fiscalYear).setParameter("s", jp.machi.promotion.onestop.domain.OneStopState.MATCHED).getSingleResult();
        long changes = tenancy.em().createQuery("SELECT COUNT(c) FROM OneStopChange c, OneStopApplication a WHERE c MEMBER OF a.changes"
                + " AND a.donationYear = :y", Long.class).setParameter("y", fiscalYear).getSingleResult();
        os.add(new Row(m(l, "osApplications"), null, all, null));
        os.add(new Row(m(l, "osMatched"), null, states.getOrDefault("MATCHED", 0L), null));
        os.add(new Row(m(l, "osDonors"), null, ((Number) matched[0]).longValue(), null));
        os.add(new Row(m(l, "osDonations"), null, ((Number) matched[2]).longValue(), null));
        os.add(new Row(m(l, "osMunicipalities"), null, ((Number) matched[1]).longValue(), null));
        os.add(new Row(m(l, "osChanges"), null, changes, null));
        out.add(new Sheet(4, m(l, "title4"), "en".equals(l.getLanguage()) ? "Donations of " + fiscalYear : fiscalYear + "年の寄附", os));
        return out;
    }

    private static String m(Locale l, String key) {
        return Messages.get(l, "promotion.survey." + key);
    }

    /** The column headings every sheet shares. */
    public static List<String> columns(Locale l) {
        return List.of(m(l, "col.item"), m(l, "col.amount"), m(l, "col.count"), m(l, "col.percent"));
    }

    /** The sheets as one workbook, a worksheet each, laid out as the survey's. */
    public byte[] workbook(int fiscalYear, Locale l, String municipality) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Machi", "1.0");
            for (Sheet s : sheets(fiscalYear, l)) {
                Worksheet ws = wb.newWorksheet(s.number() + " " + s.title());
                ws.width(0, 36);
                ws.width(1, 18);
                ws.width(2, 12);
                ws.width(3, 12);
                ws.value(0, 0, municipality + " " + s.title());
                ws.style(0, 0).bold().fontSize(14).set();
                ws.value(1, 0, m(l, "period") + ": " + s.period());
                List<String> cols = columns(l);
                for (int c = 0; c < cols.size(); c++) {
                    ws.value(3, c, cols.get(c));
                }
                ws.range(3, 0, 3, cols.size() - 1).style().bold().fillColor("D9E1F2").borderStyle(BorderStyle.THIN).set();
                int r = 4;
                for (Row x : s.rows()) {
                    ws.value(r, 0, x.item());
                    if (x.amount() != null) {
                        ws.value(r, 1, x.amount());
                    }
                    if (x.count() != null) {
                        ws.value(r, 2, x.count());
                    }
                    if (x.percent() != null) {
                        ws.value(r, 3, x.percent());
                    }
                    ws.range(r, 0, r, cols.size() - 1).style().borderStyle(BorderStyle.THIN).set();
                    ws.style(r, 1).format("#,##0").borderStyle(BorderStyle.THIN).set();
                    ws.style(r, 2).format("#,##0").borderStyle(BorderStyle.THIN).set();
                    r++;
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
