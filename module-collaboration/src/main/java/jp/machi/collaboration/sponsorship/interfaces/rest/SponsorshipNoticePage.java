package jp.machi.collaboration.sponsorship.interfaces.rest;

import static jp.machi.core.api.PrintedPages.esc;
import static jp.machi.core.api.PrintedPages.row;
import static jp.machi.core.api.PrintedPages.wareki;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Locale;
import jp.machi.collaboration.sponsorship.domain.Sponsorship;
import jp.machi.collaboration.sponsorship.domain.SponsorshipState;
import jp.machi.core.municipality.domain.Municipality;
import jp.machi.core.persistence.Tenancy;

/**
 * 後援名義使用承認通知書 / 不承認通知書: the notice of the decision as a print-friendly HTML page (A4,
 * no script), addressed to the organiser (an organisation: no personal data on it). The wording
 * follows what municipalities commonly print; a municipality should check it against its own form.
 */
@ApplicationScoped
public class SponsorshipNoticePage {


    @Inject
    Tenancy tenancy;

    public String render(Sponsorship s) {
        String city = tenancy.em().createNamedQuery("Municipality.byCode", Municipality.class)
                .setParameter("code", tenancy.code()).getResultList().stream().findFirst()
                .map(Municipality::getNameJa).orElse(tenancy.code());
        boolean approved = s.getState() == SponsorshipState.APPROVED;
        String title = approved ? "後援名義使用承認通知書" : "後援名義使用不承認通知書";
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(title).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/ui/collaboration/notice.css\"></head><body><main class=\"notice\">")
                .append("<p class=\"issued\">").append(esc(wareki(s.getDecidedOn()))).append("</p>")
                .append("<p class=\"number\">受付番号 ").append(esc(s.getReceiptNumber())).append("</p>")
                .append("<section class=\"addressee\"><p class=\"name\">").append(esc(s.getOrganiserName()))
                .append(" 様</p></section>")
                .append("<section class=\"issuer\"><p>").append(esc(city)).append("長</p></section>")
                .append("<h1>").append(title).append("</h1>")
                .append("<p class=\"lead\">").append(esc(wareki(s.getReceivedAt().toLocalDate())))
                .append("付けで申請のあった後援名義の使用について、")
                .append(approved ? "下記のとおり承認します。" : "下記の理由により承認しないこととしました。").append("</p>")
                .append("<p class=\"ki\">記</p><table class=\"facts\"><tbody>")
                .append(row("事業名", s.getEventName()))
                .append(row("開催期日", wareki(s.getStartsOn())
                        + (s.getEndsOn().equals(s.getStartsOn()) ? "" : " 〜 " + wareki(s.getEndsOn()))))
                .append(row("会場", s.getVenue()))
                .append(row("主催者", s.getOrganiserName()))
                .append(row("名義", "後援 " + city));
        if (!approved && s.getDecisionReason() != null) {
            h.append(row("理由", s.getDecisionReason()));
        }
        h.append("</tbody></table>");
        if (approved) {
            h.append("<section class=\"conditions\"><h2>承認の条件</h2><ol>")
                    .append("<li>事業の内容を変更し、又は中止するときは、速やかに届け出てください。</li>")
                    .append("<li>事業の終了後、参加者数などの実績を報告してください。報告がない場合、次回以降の後援名義の使用を承認できません。</li>")
                    .append("<li>承認の条件に反したときは、承認を取り消すことがあります。</li></ol></section>");
        }
        h.append("</main></body></html>\n");
        return h.toString();
    }

}
