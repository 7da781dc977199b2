package jp.machi.collaboration;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.ModuleDescriptor;
import jp.machi.core.module.RoleDefinition;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.SettingDefinition;
import jp.machi.core.module.UiContribution;
import jp.machi.collaboration.partner.interfaces.rest.PartnerRegistrationResource;
import jp.machi.collaboration.partner.interfaces.rest.PartnerResource;
import jp.machi.collaboration.project.application.ProjectMetrics;
import jp.machi.collaboration.project.interfaces.rest.ProjectResource;
import jp.machi.collaboration.promoter.interfaces.rest.PromoterResource;
import jp.machi.collaboration.association.application.AssociationMetrics;
import jp.machi.collaboration.association.interfaces.rest.AssociationResource;
import jp.machi.collaboration.sponsorship.application.SponsorshipMetrics;
import jp.machi.collaboration.sponsorship.interfaces.rest.SponsorshipAttachmentResource;
import jp.machi.collaboration.sponsorship.interfaces.rest.SponsorshipDecisionResource;
import jp.machi.collaboration.sponsorship.interfaces.rest.SponsorshipResource;
import jp.machi.collaboration.interfaces.rest.CollaborationApi;
import jp.machi.collaboration.grant.application.GrantMetrics;
import jp.machi.collaboration.grant.interfaces.rest.GrantApplicationResource;
import jp.machi.collaboration.grant.interfaces.rest.GrantCallResource;
import jp.machi.collaboration.grant.interfaces.rest.GrantPublicResource;
import jp.machi.collaboration.partnership.application.PartnershipMetrics;
import jp.machi.collaboration.partnership.interfaces.rest.PartnershipPublicResource;
import jp.machi.collaboration.partnership.interfaces.rest.PartnershipResource;
import jp.machi.collaboration.partnership.interfaces.rest.StartupResource;

/** The collaboration module's descriptor: 市民協働 (Citizen collaboration). */
@ApplicationScoped
public class CollaborationModule implements ModuleDescriptor {

    public static final String ID = "collaboration";

    /** 団体登録の審査・後援名義の承認: decides partner registrations (and, later, other approvals of the module). */
    public static final String APPROVER = "collaboration.approver";

    /** 協働事業の編集: declared from the start; the projects are edited by staff (see README). */
    public static final String EDITOR = "collaboration.editor";

    /** 協働の形態: the municipality's list of forms of collaboration. */
    public static final String FORMS = "collaborationForms";

    /** 協働提案型公募補助の最長年数: the default of a new call's years from start-up (取手市: 6). */
    public static final String GRANT_MAXIMUM_YEARS = "grantMaximumYears";

    /** The portal's address for the links in grant mail (e.g. https://city.example.jp); by default the request's. */
    public static final String GRANT_PORTAL_URL = "grantPortalUrl";

    /** 後援名義使用の承認基準: the checklist staff tick before an approval. */
    public static final String SPONSORSHIP_CRITERIA = "sponsorshipCriteria";

    /** 連携事業の種類: the kinds of activity under partnership agreements (演奏会, 表彰, 学校プログラム …). */
    public static final String PARTNERSHIP_ACTIVITY_KINDS = "partnershipActivityKinds";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("市民協働", "Citizen collaboration");
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
        return "db/machi/collaboration/changelog.xml";
    }

    @Override
    public List<Class<?>> resources() {
        return List.of(CollaborationApi.class, PartnerResource.class, PartnerRegistrationResource.class,
                ProjectResource.class, PromoterResource.class,
                SponsorshipResource.class, SponsorshipDecisionResource.class, SponsorshipAttachmentResource.class,
                AssociationResource.class, GrantCallResource.class, GrantApplicationResource.class,
                GrantPublicResource.class,
                jp.machi.collaboration.facility.interfaces.rest.FacilityResource.class,
                jp.machi.collaboration.facility.interfaces.rest.FacilityPublicResource.class,
                PartnershipResource.class, PartnershipPublicResource.class, StartupResource.class);
    }

    @Override
    public List<RoleDefinition> roles() {
        return List.of(
                new RoleDefinition(EDITOR, LocalizedText.of("協働事業の編集", "Edit collaborative projects")),
                new RoleDefinition(APPROVER, LocalizedText.of("団体登録・後援名義の審査",
                        "Decide partner registrations and sponsorships")));
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                new SettingDefinition(GRANT_MAXIMUM_YEARS, LocalizedText.of("協働提案型公募補助の最長年数", "Maximum years of a proposal-based grant"), SettingDefinition.Type.INTEGER, "6"),
                new SettingDefinition(GRANT_PORTAL_URL, LocalizedText.of("補助金申請用リンクのメールに載せるポータルのアドレス (空欄: 依頼を受けたアドレス)", "Portal address in grant application link mail (blank: the address the request came to)"), SettingDefinition.Type.STRING, ""),
                new SettingDefinition(PARTNERSHIP_ACTIVITY_KINDS, LocalizedText.of("連携事業の種類", "Kinds of partnership activity"),
                        SettingDefinition.Type.LIST, "演奏会,展示,表彰,学校プログラム,講座,共同研究,イベント,協議会,その他"),
                new SettingDefinition(FORMS, LocalizedText.of("協働の形態の選択肢", "Forms of collaboration"),
                        SettingDefinition.Type.LIST, "共催,委託,補助,事業協力,後援,実行委員会,企画立案への参画,情報提供・意見交換"),
                new SettingDefinition(SPONSORSHIP_CRITERIA, LocalizedText.of("後援名義使用の承認基準",
                        "Criteria for sponsorship name use"), SettingDefinition.Type.LIST,
                        "営利を目的としない,政治活動を目的としない,宗教活動を目的としない,広く市民が参加できる,"
                                + "公序良俗に反しない,市の施策に沿い公益に資する,責任ある主催者が開催する"),
                new SettingDefinition(jp.machi.collaboration.facility.application.FacilityService.MONITORING_ITEMS,
                        LocalizedText.of("集会施設のモニタリング評価項目", "Monitoring items of community facilities"),
                        SettingDefinition.Type.LIST, "利用者の平等な利用の確保,施設の維持管理,利用者サービスの向上,"
                                + "地域活動の支援,収支・経費の適正な執行,安全管理・危機管理"));
    }

    @Override
    public List<MetricDefinition> metrics() {
        return java.util.stream.Stream.of(ProjectMetrics.DEFINITIONS, SponsorshipMetrics.DEFINITIONS,
                AssociationMetrics.DEFINITIONS, GrantMetrics.DEFINITIONS,
                jp.machi.collaboration.grant.application.FundMetrics.DEFINITIONS,
                jp.machi.collaboration.facility.application.FacilityMetrics.DEFINITIONS,
                PartnershipMetrics.DEFINITIONS)
                .flatMap(List::stream).toList();
    }

    @Override
    public List<UiContribution> ui() {
        return List.of(
                new UiContribution("collaboration-partners", UiContribution.Area.CONSOLE,
                        LocalizedText.of("協働の相手方", "Partner organisations"), "partners-console.js", 30),
                new UiContribution("collaboration-projects", UiContribution.Area.CONSOLE,
                        LocalizedText.of("協働事業", "Collaborative projects"), "projects-console.js", 31),
                new UiContribution("collaboration-promoters", UiContribution.Area.CONSOLE,
                        LocalizedText.of("市民協働推進員", "Collaboration promoters"), "promoters-console.js", 32),
                new UiContribution("collaboration-sponsorships", UiContribution.Area.CONSOLE,
                        LocalizedText.of("後援名義使用承認", "Sponsorship name use"), "sponsorships-console.js", 33),
                new UiContribution("collaboration-associations", UiContribution.Area.CONSOLE,
                        LocalizedText.of("自治会・町内会", "Neighbourhood associations"), "associations-console.js", 34),
                new UiContribution("collaboration-grants", UiContribution.Area.CONSOLE,
                        LocalizedText.of("協働提案型公募補助", "Proposal-based grants"), "grants-console.js", 35),
                new UiContribution("collaboration-facilities", UiContribution.Area.CONSOLE,
                        LocalizedText.of("地域集会施設", "Community facilities"), "facilities-console.js", 36),
                new UiContribution("collaboration-facilities-portal", UiContribution.Area.PORTAL,
                        LocalizedText.of("地域集会施設", "Community facilities"), "facilities-portal.js", 33),
                new UiContribution("collaboration-partnerships", UiContribution.Area.CONSOLE,
                        LocalizedText.of("連携協定・創業支援", "Partnerships and start-ups"), "partnerships-console.js", 37),
                new UiContribution("collaboration-partnerships-portal", UiContribution.Area.PORTAL,
                        LocalizedText.of("大学・企業との連携協定", "Partnership agreements"), "partnerships-portal.js", 34),
                new UiContribution("collaboration-grants-portal", UiContribution.Area.PORTAL,
                        LocalizedText.of("市民活動への補助金", "Grants for civic activities"), "grants-portal.js", 32),
                new UiContribution("collaboration-sponsorship-application", UiContribution.Area.PORTAL,
                        LocalizedText.of("後援名義使用の申請", "Apply for sponsorship"), "sponsorship-application.js", 31),
                new UiContribution("collaboration-partner-application", UiContribution.Area.PORTAL,
                        LocalizedText.of("協働の団体登録", "Register your organisation"), "partner-application.js", 30));
    }
}
