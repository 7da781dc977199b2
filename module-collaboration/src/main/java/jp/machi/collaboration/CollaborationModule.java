package jp.machi.collaboration;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.ModuleDescriptor;
import jp.machi.core.module.RoleDefinition;
import jp.machi.core.module.SettingDefinition;
import jp.machi.collaboration.interfaces.rest.CollaborationApi;

/** The collaboration module's descriptor: 市民協働 (Citizen collaboration). */
@ApplicationScoped
public class CollaborationModule implements ModuleDescriptor {

    public static final String ID = "collaboration";

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
        return List.of(CollaborationApi.class);
    }

    @Override
    public List<RoleDefinition> roles() {
        return List.of(
                new RoleDefinition("collaboration.editor", LocalizedText.of("協働事業の編集", "Edit collaborative projects")));
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                new SettingDefinition("grantMaximumYears", LocalizedText.of("協働提案型公募補助の最長年数", "Maximum years of a proposal-based grant"), SettingDefinition.Type.INTEGER, "6"));
    }
}
