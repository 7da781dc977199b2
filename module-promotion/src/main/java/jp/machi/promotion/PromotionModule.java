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
import jp.machi.promotion.donation.interfaces.rest.CollectionCostResource;
import jp.machi.promotion.donation.interfaces.rest.HometaxSurveyResource;
import jp.machi.promotion.donation.interfaces.rest.UseReportPublicResource;
import jp.machi.promotion.donation.interfaces.rest.UseReportResource;
import jp.machi.promotion.donation.interfaces.rest.DonationImportResource;
import jp.machi.promotion.donation.interfaces.rest.DonationResource;
import jp.machi.promotion.donation.interfaces.rest.ImportSiteResource;
import jp.machi.promotion.donation.interfaces.rest.DonationUseResource;
import jp.machi.promotion.donation.interfaces.rest.DonorResource;
import jp.machi.promotion.donation.interfaces.rest.ReturnGiftResource;
import jp.machi.promotion.fanclub.application.FanClubMetrics;
import jp.machi.promotion.fanclub.interfaces.rest.FanClubPublicResource;
import jp.machi.promotion.fanclub.interfaces.rest.FanClubResource;
import jp.machi.promotion.interfaces.rest.PromotionApi;
import jp.machi.promotion.marriage.application.MarriageSupportMetrics;
import jp.machi.promotion.marriage.interfaces.rest.MarriageSupportResource;
import jp.machi.promotion.onestop.interfaces.rest.OneStopPublicResource;
import jp.machi.promotion.onestop.interfaces.rest.OneStopResource;
import jp.machi.promotion.prchannel.application.PrChannelMetrics;
import jp.machi.promotion.prchannel.interfaces.rest.PrChannelResource;
import jp.machi.promotion.prcontent.application.PrContentMetrics;
import jp.machi.promotion.prcontent.interfaces.rest.PrContentResource;
import jp.machi.promotion.migration.application.MigrationMetrics;
import jp.machi.promotion.migration.interfaces.rest.ConsultationResource;
import jp.machi.promotion.migration.interfaces.rest.SupportedMigrationResource;
import jp.machi.promotion.vacanthouse.application.VacantHouseMetrics;
import jp.machi.promotion.vacanthouse.interfaces.rest.HouseSeekerPublicResource;
import jp.machi.promotion.vacanthouse.interfaces.rest.HouseSeekerResource;
import jp.machi.promotion.vacanthouse.interfaces.rest.VacantHousePhotoResource;
import jp.machi.promotion.vacanthouse.interfaces.rest.VacantHousePublicResource;
import jp.machi.promotion.vacanthouse.interfaces.rest.VacantHouseResource;

/** The promotion module's descriptor: シティプロモーション (City promotion). */
@ApplicationScoped
public class PromotionModule implements ModuleDescriptor {

    public static final String ID = "promotion";

    /** Setting: the most a return gift may cost as a share of the donation it is offered for, in % (the law: 30). */
    public static final String GIFT_RATIO_LIMIT = "returnGiftRatioLimitPercent";

    /** Setting: the most the costs of collecting donations may be as a share of a designation year's donations, in % (the law: 50). */
    public static final String COST_LIMIT = "collectionCostLimitPercent";

    /** Setting: how many points below {@link #COST_LIMIT} the console and the task list start warning (0–49; 5). */
    public static final String COST_WARNING_MARGIN = "collectionCostWarningMarginPercent";

    /** Setting: the categories collection costs are entered by (a list; the ministry's survey's by default). */
    public static final String COST_CATEGORIES = "collectionCostCategories";

    /** Setting: how many years a vacant-house bank registration runs before it must be renewed (1–10; 2). */
    public static final String VACANT_HOUSE_YEARS = "vacantHouseRegistrationYears";

    /** Setting: the interests a fan club member may choose (a list). */
    public static final String FAN_CLUB_INTERESTS = "fanClubInterests";

    /** Setting: the portal's address that fan club mail links to (blank: the address the request came to). */
    public static final String FAN_CLUB_PORTAL_URL = "fanClubPortalUrl";

    /** Setting: how many minutes a fan club link (confirmation, edit, new e-mail address) works (1–43,200; 10,080 = 7 days). */
    public static final String FAN_CLUB_LINK_MINUTES = "fanClubLinkLifetimeMinutes";

    /** Setting: how many newsletter mails the job writes to the outbox per run (each minute) and municipality (1–10,000; 1,000). */
    public static final String FAN_CLUB_NEWSLETTER_BATCH = "fanClubNewsletterBatchSize";

    /** Module role: decides registrations, contracts, closing, withdrawal and renewal in the vacant-house bank. */
    public static final String VACANT_HOUSE_REGISTRAR = "promotion.vacant-house-registrar";

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
                DonationResource.class, ImportSiteResource.class, DonationImportResource.class,
                CollectionCostResource.class, OneStopResource.class, OneStopPublicResource.class, HometaxSurveyResource.class,
                UseReportResource.class, UseReportPublicResource.class, MarriageSupportResource.class,
                ConsultationResource.class, SupportedMigrationResource.class,
                VacantHouseResource.class, VacantHousePublicResource.class, VacantHousePhotoResource.class,
                HouseSeekerResource.class, HouseSeekerPublicResource.class, FanClubResource.class, FanClubPublicResource.class,
                PrChannelResource.class, PrContentResource.class);
    }

    @Override
    public List<RoleDefinition> roles() {
        return List.of(
                new RoleDefinition("promotion.editor", LocalizedText.of("プロモーションの編集", "Edit promotion records")),
                new RoleDefinition(VACANT_HOUSE_REGISTRAR, LocalizedText.of("空き家バンクの登録決定", "Decide vacant-house bank registrations")));
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                new SettingDefinition(GIFT_RATIO_LIMIT, LocalizedText.of("返礼品の返礼割合の上限 (%)", "Return gift ratio limit (%)"), SettingDefinition.Type.INTEGER, "30"),
                new SettingDefinition(COST_LIMIT, LocalizedText.of("募集費用の上限 (%)", "Collection cost limit (%)"), SettingDefinition.Type.INTEGER, "50"),
                new SettingDefinition(COST_WARNING_MARGIN, LocalizedText.of("募集費用の警告を始める上限までの幅 (ポイント)",
                        "Warn this many points below the collection cost limit"), SettingDefinition.Type.INTEGER, "5"),
                new SettingDefinition(COST_CATEGORIES, LocalizedText.of("募集費用の区分", "Collection cost categories"), SettingDefinition.Type.LIST,
                        "返礼品の調達,返礼品の送付,広報,決済,ポータルサイト手数料,事務,その他"),
                new SettingDefinition(VACANT_HOUSE_YEARS, LocalizedText.of("空き家バンクの登録期間 (年)", "Vacant-house bank registration period (years)"), SettingDefinition.Type.INTEGER, "2"),
                new SettingDefinition(FAN_CLUB_INTERESTS, LocalizedText.of("ファンクラブ会員が選べる関心", "Fan club interests members may choose"),
                        SettingDefinition.Type.LIST, "観光,食・特産品,イベント・祭り,自然・アウトドア,移住・定住,ふるさと納税,スポーツ"),
                new SettingDefinition(FAN_CLUB_PORTAL_URL, LocalizedText.of("ファンクラブのメールに載せるポータルのアドレス (空欄: 申込みを受けたアドレス)",
                        "Portal address in fan club mail (blank: the address the request came to)"), SettingDefinition.Type.STRING, ""),
                new SettingDefinition(FAN_CLUB_LINK_MINUTES, LocalizedText.of("ファンクラブのメールのリンク (入会確認・登録内容の変更・新しいメールアドレスの確認) の有効期間 (分)",
                        "How long fan club links (confirmation, change of details, new e-mail address) work (minutes)"), SettingDefinition.Type.INTEGER, "10080"),
                new SettingDefinition(FAN_CLUB_NEWSLETTER_BATCH, LocalizedText.of("ファンクラブ通信を1分ごとに送る通数",
                        "Fan club newsletter mails sent per minute"), SettingDefinition.Type.INTEGER, "1000"));
    }

    @Override
    public List<MetricDefinition> metrics() {
        List<MetricDefinition> all = new java.util.ArrayList<>(DonationMetrics.DEFINITIONS);
        all.addAll(MigrationMetrics.DEFINITIONS);
        all.addAll(VacantHouseMetrics.DEFINITIONS);
        all.addAll(FanClubMetrics.DEFINITIONS);
        all.addAll(PrChannelMetrics.DEFINITIONS);
        all.addAll(PrContentMetrics.DEFINITIONS);
        all.addAll(MarriageSupportMetrics.DEFINITIONS);
        return List.copyOf(all);
    }

    @Override
    public List<UiContribution> ui() {
        return List.of(
                new UiContribution("promotion-donations", UiContribution.Area.CONSOLE, LocalizedText.of("ふるさと納税: 寄附", "Hometown tax: donations"), "donations.js", 5),
                new UiContribution("promotion-donors", UiContribution.Area.CONSOLE, LocalizedText.of("ふるさと納税: 寄附者", "Hometown tax: donors"), "donors.js", 6),
                new UiContribution("promotion-donation-import", UiContribution.Area.CONSOLE, LocalizedText.of("ふるさと納税: 寄附の取込", "Hometown tax: import donations"), "donation-import.js", 7),
                new UiContribution("promotion-collection-costs", UiContribution.Area.CONSOLE, LocalizedText.of("ふるさと納税: 募集費用", "Hometown tax: collection costs"), "collection-costs.js", 8),
                new UiContribution("promotion-one-stop", UiContribution.Area.CONSOLE, LocalizedText.of("ふるさと納税: ワンストップ特例", "Hometown tax: one-stop applications"), "one-stop.js", 9),
                new UiContribution("promotion-use-reports", UiContribution.Area.CONSOLE, LocalizedText.of("ふるさと納税: 活用報告", "Hometown tax: use reports"), "use-reports.js", 12),
                new UiContribution("hometown-tax-uses", UiContribution.Area.PORTAL, LocalizedText.of("ふるさと納税の活用報告", "What hometown-tax donations paid for"), "hometown-tax-uses.js", 32),
                new UiContribution("promotion-donation-uses", UiContribution.Area.CONSOLE, LocalizedText.of("ふるさと納税: 寄附金の使途", "Hometown tax: donation uses"), "donation-uses.js", 10),
                new UiContribution("promotion-return-gifts", UiContribution.Area.CONSOLE, LocalizedText.of("ふるさと納税: 返礼品", "Hometown tax: return gifts"), "return-gifts.js", 11),
                new UiContribution("promotion-migration-consultations", UiContribution.Area.CONSOLE, LocalizedText.of("移住・定住: 移住相談", "Migration: consultations"), "migration-consultations.js", 20),
                new UiContribution("promotion-supported-migrations", UiContribution.Area.CONSOLE, LocalizedText.of("移住・定住: 支援による移住者", "Migration: supported migrants"), "supported-migrations.js", 21),
                new UiContribution("promotion-vacant-houses", UiContribution.Area.CONSOLE, LocalizedText.of("空き家バンク: 物件", "Vacant-house bank: properties"), "vacant-houses.js", 25),
                new UiContribution("promotion-house-seekers", UiContribution.Area.CONSOLE, LocalizedText.of("空き家バンク: 利用登録者", "Vacant-house bank: house seekers"), "house-seekers.js", 26),
                new UiContribution("promotion-fan-club", UiContribution.Area.CONSOLE, LocalizedText.of("ファンクラブ: 会員", "Fan club: members"), "fan-club-members.js", 30),
                new UiContribution("fan-club", UiContribution.Area.PORTAL, LocalizedText.of("ファンクラブ", "Fan club"), "fan-club.js", 31),
                new UiContribution("promotion-marriage-support", UiContribution.Area.CONSOLE, LocalizedText.of("結婚支援: 事業の実績", "Marriage support"), "marriage-support.js", 22),
                new UiContribution("promotion-pr-channels", UiContribution.Area.CONSOLE, LocalizedText.of("広報: 媒体と実績", "PR channels and figures"), "pr-channels.js", 35),
                new UiContribution("promotion-pr-contents", UiContribution.Area.CONSOLE, LocalizedText.of("広報: 記事・番組", "PR content items"), "pr-contents.js", 36),
                new UiContribution("vacant-house-bank", UiContribution.Area.PORTAL, LocalizedText.of("空き家バンク", "Vacant-house bank"), "vacant-house-bank.js", 30),
                new UiContribution("one-stop", UiContribution.Area.PORTAL, LocalizedText.of("ふるさと納税 ワンストップ特例の申請", "Hometown tax: one-stop application"), "one-stop-application.js", 33),
                new UiContribution("vacant-house-seeker", UiContribution.Area.PORTAL, LocalizedText.of("空き家バンク 利用登録", "Vacant-house bank: register as a seeker"), "vacant-house-seeker.js", 30));
    }
}
