package jp.machi.promotion.donation.interfaces.rest;

import static jp.machi.core.api.PrintedPages.esc;
import static jp.machi.core.api.PrintedPages.row;
import static jp.machi.core.api.PrintedPages.wareki;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Locale;
import jp.machi.core.municipality.domain.Municipality;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.personaldata.PersonalDataDisclosure;
import jp.machi.promotion.donation.application.DonationService;
import jp.machi.promotion.donation.domain.Donation;
import jp.machi.promotion.donation.domain.DonationUse;
import jp.machi.promotion.donation.domain.Donor;

/**
 * 寄附金受領証明書: the receipt a donor needs for the deduction of donations (寄附金控除), as a
 * print-friendly HTML page (A4, no script). It is the donor's own document: it shows their name and
 * address in full, so rendering it is a full read of the donor, recorded in the audit trail. The
 * wording follows what municipalities commonly print (所得税法第78条第2項第1号 and 地方税法第37条の2 /
 * 第314条の7: donations to a local government); a municipality should check it against its own form.
 */
@ApplicationScoped
public class ReceiptPage {


    @Inject
    Tenancy tenancy;

    @Inject
    DonationService donations;

    @Inject
    PersonalDataDisclosure disclosure;

    public String render(Donation x) {
        Donor donor = donations.donor(x.getDonorId());
        disclosure.reveal(donor, donor.getId());
        DonationUse use = donations.use(x.getUseId());
        String city = tenancy.em().createNamedQuery("Municipality.byCode", Municipality.class)
                .setParameter("code", tenancy.code()).getResultList().stream().findFirst()
                .map(Municipality::getNameJa).orElse(tenancy.code());
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>寄附金受領証明書</title>")
                .append("<link rel=\"stylesheet\" href=\"/ui/promotion/receipt.css\"></head><body><main class=\"receipt\">")
                .append("<p class=\"issued\">").append(esc(wareki(LocalDate.now(DonationService.JAPAN_ZONE)))).append("</p>")
                .append("<h1>寄附金受領証明書</h1>")
                .append("<section class=\"donor\"><p class=\"postal\">〒").append(esc(nz(donor.getPostalCode()))).append("</p>")
                .append("<p class=\"address\">").append(esc(nz(donor.getAddress()))).append("</p>")
                .append("<p class=\"name\">").append(esc(donor.getName())).append(" 様</p></section>")
                .append("<section class=\"issuer\"><p>").append(esc(city)).append("長</p></section>")
                .append("<p class=\"lead\">下記のとおり寄附金を受領したことを証明します。</p>")
                .append("<table class=\"facts\"><tbody>")
                .append(row("寄附金額", "金 " + String.format(Locale.JAPAN, "%,d", x.getAmount()) + " 円"))
                .append(row("受領日", wareki(x.getReceivedOn())))
                .append(row("寄附金の使途", use == null ? "指定なし" : use.getName()))
                .append(row("受付番号", x.getId().toString()))
                .append("</tbody></table>")
                .append("<p class=\"law\">この寄附金は、所得税法第78条第2項第1号に規定する寄附金 (地方公共団体に対する寄附金) であり、")
                .append("地方税法第37条の2第1項第1号及び第314条の7第1項第1号に規定する寄附金に該当します。</p>")
                .append("<p class=\"note\">確定申告の際に必要となりますので、大切に保管してください。この証明書の再発行には日数がかかる場合があります。</p>")
                .append("<p class=\"signature\">").append(esc(city)).append("</p>")
                .append("</main></body></html>\n");
        return h.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

}
