package jp.machi.engagement.demo;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;
import jp.machi.core.demo.DemoDataLoaded;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.voice.domain.CitizenVoice;
import jp.machi.engagement.voice.domain.VoiceCategory;

/**
 * Demo categories of citizen voices for every demo municipality. The seeds name no categories of
 * voices, so these are invented and say so (「（デモ用の架空の分類）」 in every description); two of
 * them (道路・公園, ごみ・環境) are open to Open311. Runs after the invented voices are loaded and files
 * those whose free-text category has a category's name under it.
 */
@ApplicationScoped
public class VoiceCategoryDemoData {

    private static final Logger LOG = Logger.getLogger(VoiceCategoryDemoData.class.getName());

    /** The invented categories: code, Japanese and English name, group, open to Open311. */
    record Demo(String code, String nameJa, String nameEn, String group, boolean open311) {
    }

    static final List<Demo> CATEGORIES = List.of(
            new Demo("road-park", "道路・公園", "Roads and parks", "生活環境", true),
            new Demo("waste", "ごみ・環境", "Waste and environment", "生活環境", true),
            new Demo("bousai", "防災", "Disaster preparedness", "安全・安心", false),
            new Demo("kouhou", "広報", "Public relations", "市政", false),
            new Demo("machizukuri", "まちづくり", "Community development", "市政", false),
            new Demo("other", "その他", "Other", null, false));

    @Inject
    Categories categories;

    void onDemo(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) DemoDataLoaded loaded) {
        CallerContext.runAs(Caller.SYSTEM, () -> {
            for (String lgCode : loaded.municipalityCodes()) {
                categories.load(lgCode);
            }
            return null;
        });
    }

    /** One municipality's invented categories, in a transaction of their own. */
    @ApplicationScoped
    public static class Categories {

        @Inject
        Tenancy tenancy;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load(String lgCode) {
            var em = tenancy.bind(lgCode);
            if (!em.createQuery("SELECT c FROM VoiceCategory c", VoiceCategory.class).setMaxResults(1).getResultList()
                    .isEmpty()) {
                return;
            }
            int order = 10;
            for (Demo d : CATEGORIES) {
                VoiceCategory c = new VoiceCategory(new VoiceCategory.Fields(d.code(), d.nameJa(), d.nameEn(),
                        "（デモ用の架空の分類）" + d.nameJa() + "に関する市民の声", d.group(), order, true, d.open311()));
                em.persist(c);
                em.flush();
                em.createQuery("SELECT v FROM CitizenVoice v WHERE v.category = :name AND v.categoryId IS NULL",
                        CitizenVoice.class).setParameter("name", d.nameJa()).getResultList()
                        .forEach(v -> v.categorise(c.getId()));
                em.flush();
                order += 10;
            }
            LOG.info(() -> "Engagement demo data: " + CATEGORIES.size() + " invented voice categories of " + lgCode);
        }
    }
}
