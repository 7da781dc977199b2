package jp.machi.collaboration.grant.interfaces.rest;

import static jp.machi.core.api.PrintedPages.esc;
import static jp.machi.core.api.PrintedPages.row;
import static jp.machi.core.api.PrintedPages.wareki;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Locale;
import jp.machi.collaboration.grant.domain.GrantApplication;
import jp.machi.collaboration.grant.domain.GrantApplicationState;
import jp.machi.collaboration.grant.domain.GrantCall;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.municipality.domain.Municipality;
import jp.machi.core.persistence.Tenancy;

/**
 * 補助金交付決定通知書 / 不採択通知書: the decision on a grant application as a print-friendly HTML page
 * (A4, no script), addressed to the organisation (no personal data). The wording follows what
 * municipalities commonly print; a municipality should check it against its own form.
 */
@ApplicationScoped
public class GrantNoticePage {


    @Inject
    Tenancy tenancy;

    public String render(GrantApplication a, GrantCall call) {
        String city = tenancy.em().createNamedQuery("Municipality.byCode", Municipality.class)
                .setParameter("code", tenancy.code()).getResultList().stream().findFirst()
                .map(Municipality::getNameJa).orElse(tenancy.code());
        boolean adopted = a.getState() == GrantApplicationState.ADOPTED;
        String title = adopted ? "補助金交付決定通知書" : "補助金不採択通知書";
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(title).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/ui/collaboration/notice.css\"></head><body><main class=\"notice\">")
                .append("<p class=\"issued\">").append(esc(wareki(a.getDecidedOn()))).append("</p>")
                .append("<section class=\"addressee\"><p class=\"name\">").append(esc(a.getApplicantName()))
                .append(" 様</p></section>")
                .append("<section class=\"issuer\"><p>").append(esc(city)).append("長</p></section>")
                .append("<h1>").append(title).append("</h1>")
                .append("<p class=\"lead\">").append(esc(wareki(a.getReceivedOn())))
                .append("付けで申請のあった").append(esc(call.getTitle())).append("について、")
                .append(adopted ? "下記のとおり交付することに決定しました。" : "審査の結果、下記のとおり採択しないことに決定しました。")
                .append("</p><p class=\"ki\">記</p><table class=\"facts\"><tbody>")
                .append(row("年度", FiscalYear.of(a.getFiscalYear()).japaneseLabel()))
                .append(row("事業名", a.getProjectTitle()))
                .append(row("申請額", yen(a.getRequestedAmount())));
        if (adopted) {
            h.append(row("交付決定額", yen(a.getGrantedAmount())))
                    .append(row("補助年数", "事業立ち上げから " + a.fundingYear() + " 年目 (最長 " + call.getMaxYears() + " 年)"));
        }
        if (a.getDecisionReason() != null) {
            h.append(row(adopted ? "付記" : "理由", a.getDecisionReason()));
        }
        h.append("</tbody></table>");
        if (adopted) {
            h.append("<section class=\"conditions\"><h2>交付の条件</h2><ol>")
                    .append("<li>事業の内容を変更し、又は中止するときは、あらかじめ届け出てください。</li>")
                    .append("<li>事業の完了後、実績報告書と収支決算書を提出してください。</li>")
                    .append("<li>交付額のうち使用しなかった額は返還していただきます。</li></ol></section>");
        }
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static String yen(Long amount) {
        return amount == null ? "" : String.format(Locale.JAPAN, "%,d円", amount);
    }

}
