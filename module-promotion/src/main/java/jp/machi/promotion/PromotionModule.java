package jp.machi.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.ModuleDescriptor;
import jp.machi.core.module.RoleDefinition;
import jp.machi.core.module.SettingDefinition;
import jp.machi.core.module.UiContribution;
import jp.machi.promotion.donation.application.DonationMetrics;
import jp.machi.promotion.donation.interfaces.rest.DonationImportResource;
import jp.machi.promotion.donation.interfaces.rest.DonationResource;
import jp.machi.promotion.donation.interfaces.rest.ImportSiteResource;
import jp.machi.promotion.donation.interfaces.rest.DonationUseResource;
import jp.machi.promotion.donation.interfaces.rest.DonorResource;
import jp.machi.promotion.donation.interfaces.rest.ReturnGiftResource;
import jp.machi.promotion.interfaces.rest.PromotionApi;

/** The promotion module's descriptor: シティプロモーション (City promotion). */
@ApplicationScoped
public class PromotionModule implements ModuleDescriptor {

    public static final String ID = "promotion";

    /** Setting: the most a return gift may cost as a share of the donation it is offered for, in % (the law: 30). */
    public static final String GIFT_RATIO_LIMIT = "returnGiftRatioLimitPercent";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("シティプロモーション", "City promotion");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String coreVersionRange() {
        return "[0.1,1.0)";
    }

    @Override
    public String changelog() {
        return "db/machi/promotion/changelog.xml";
    }

    @Override
    public List<Class<?>> resources() {
        return List.of(PromotionApi.class, DonationUseResource.class, ReturnGiftResource.class, DonorResource.class,
                DonationResource.class, ImportSiteResource.class, DonationImportResource.class);
    }

    @Override
    public List<RoleDefinition> roles() {
        return List.of(
                new RoleDefinition("promotion.editor", LocalizedText.of("プロモーションの編集", "Edit promotion records")));
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                new SettingDefinition(GIFT_RATIO_LIMIT, LocalizedText.of("返礼品の返礼割合の上限 (%)", "Return gift ratio limit (%)"), SettingDefinition.Type.INTEGER, "30"),
                new SettingDefinition("collectionCostLimitPercent", LocalizedText.of("募集費用の上限 (%)", "Collection cost limit (%)"), SettingDefinition.Type.INTEGER, "50"));
    }

    @Override
    public List<MetricDefinition> metrics() {
        return DonationMetrics.DEFINITIONS;
    }

    @Override
    public List<UiContribution> ui() {
        return List.of(
                new UiContribution("promotion-donations", UiContribution.Area.CONSOLE, LocalizedText.of("ふるさと納税: 寄附", "Hometown tax: donations"), "donations.js", 5),
                new UiContribution("promotion-donors", UiContribution.Area.CONSOLE, LocalizedText.of("ふるさと納税: 寄附者", "Hometown tax: donors"), "donors.js", 6),
                new UiContribution("promotion-donation-import", UiContribution.Area.CONSOLE, LocalizedText.of("ふるさと納税: 寄附の取込", "Hometown tax: import donations"), "donation-import.js", 7),
                new UiContribution("promotion-donation-uses", UiContribution.Area.CONSOLE, LocalizedText.of("ふるさと納税: 寄附金の使途", "Hometown tax: donation uses"), "donation-uses.js", 10),
                new UiContribution("promotion-return-gifts", UiContribution.Area.CONSOLE, LocalizedText.of("ふるさと納税: 返礼品", "Hometown tax: return gifts"), "return-gifts.js", 11));
    }
}
