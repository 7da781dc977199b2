package jp.machi.promotion.vacanthouse.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import jp.machi.core.identity.Role;
import jp.machi.core.workflow.Guard;
import jp.machi.core.workflow.Workflow;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.vacanthouse.domain.VacantHouse;
import jp.machi.promotion.vacanthouse.domain.VacantHouseState;

/**
 * 空き家バンクの物件: 申込受付 → {@code survey} (staff) → 現地調査済 → {@code register} (holders of
 * {@value PromotionModule#VACANT_HOUSE_REGISTRAR}; the registration runs for the municipality's period)
 * → 登録済 → {@code publish} (staff) → 公開中 → {@code negotiate} (staff) → 交渉中 → {@code contract}
 * (registrar) → 成約 → {@code close} (registrar) → 終了. {@code unpublish} takes a property off the
 * portal; {@code withdraw} (registrar, with a reason) ends it from any open state; {@code renew}
 * (registrar) extends the registration (the service sets the days after {@code register} and {@code renew}) by the period, in place, or from 登録期限切れ back to 登録済.
 * 登録期限切れ is set by the daily expiry job (Machi itself: {@code expire}).
 */
public final class VacantHouseWorkflow {

    private static final Guard<VacantHouse> STAFF = Guard.role(Role.STAFF);
    private static final Guard<VacantHouse> REGISTRAR = Guard.moduleRole(PromotionModule.VACANT_HOUSE_REGISTRAR);
    /** Only Machi itself (the expiry job) — it may take every action; nobody else holds this role. */
    private static final Guard<VacantHouse> NOBODY = (c, r) -> false;

    static final String APPLIED = VacantHouseState.APPLIED.name();
    static final String SURVEYED = VacantHouseState.SURVEYED.name();
    static final String REGISTERED = VacantHouseState.REGISTERED.name();
    static final String PUBLISHED = VacantHouseState.PUBLISHED.name();
    static final String NEGOTIATING = VacantHouseState.NEGOTIATING.name();
    static final String CONTRACTED = VacantHouseState.CONTRACTED.name();
    static final String EXPIRED = VacantHouseState.EXPIRED.name();
    static final String CLOSED = VacantHouseState.CLOSED.name();

    public static final Workflow<VacantHouse> DEFINITION = Workflow.<VacantHouse>define("promotion.vacant-house",
            VacantHouse::getId, v -> v.getState().name(), (v, s) -> v.movedTo(VacantHouseState.valueOf(s)))
            .state(APPLIED, "申込受付", "Applied")
            .state(SURVEYED, "現地調査済", "Surveyed")
            .state(REGISTERED, "登録済", "Registered")
            .state(PUBLISHED, "公開中", "Published")
            .state(NEGOTIATING, "交渉中", "Negotiating")
            .state(CONTRACTED, "成約", "Contracted")
            .state(EXPIRED, "登録期限切れ", "Registration expired")
            .state(CLOSED, "終了", "Closed")
            .action("survey", "現地調査を記録する", "Record the site survey", SURVEYED).from(APPLIED).by(STAFF)
                .after((v, step) -> v.surveyed(VacantHouseService.today())).done()
            .action("register", "物件を登録する", "Register the property", REGISTERED).from(SURVEYED).by(REGISTRAR).done()
            .action("publish", "ポータルに公開する", "Publish on the portal", PUBLISHED).from(REGISTERED).by(STAFF)
                .after((v, step) -> v.published(VacantHouseService.today())).done()
            .action("unpublish", "公開をやめる", "Take off the portal", REGISTERED).from(PUBLISHED).by(STAFF).done()
            .action("negotiate", "交渉を始める", "Start negotiations", NEGOTIATING).from(PUBLISHED).by(STAFF).done()
            .action("resume", "交渉を打ち切り公開に戻す", "End negotiations and publish again", PUBLISHED).from(NEGOTIATING).by(STAFF)
                .done()
            .action("contract", "成約を記録する", "Record the contract", CONTRACTED).from(NEGOTIATING).by(REGISTRAR)
                .after((v, step) -> v.contracted(VacantHouseService.today())).done()
            .action("close", "終了する", "Close", CLOSED).from(CONTRACTED).by(REGISTRAR)
                .after((v, step) -> v.closed(OffsetDateTime.now(ZoneOffset.UTC))).done()
            .action("withdraw", "取り下げる", "Withdraw", CLOSED).from(APPLIED, SURVEYED, REGISTERED, PUBLISHED, NEGOTIATING, EXPIRED)
                .by(REGISTRAR).reasonRequired()
                .after((v, step) -> v.closed(OffsetDateTime.now(ZoneOffset.UTC))).done()
            .action("renew", "登録を更新する", "Renew the registration", REGISTERED).from(REGISTERED, EXPIRED).by(REGISTRAR).done()
            .action("renew", "登録を更新する", "Renew the registration", PUBLISHED).from(PUBLISHED).by(REGISTRAR).done()
            .action("renew", "登録を更新する", "Renew the registration", NEGOTIATING).from(NEGOTIATING).by(REGISTRAR).done()
            .action("expire", "登録期限切れにする", "Mark the registration expired", EXPIRED)
                .from(REGISTERED, PUBLISHED, NEGOTIATING).by(NOBODY).done()
            .build();

    private VacantHouseWorkflow() {
    }
}
