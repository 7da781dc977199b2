package jp.machi.core.module.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Locale;
import jp.machi.core.i18n.Messages;
import jp.machi.core.module.ModuleDependency;
import jp.machi.core.module.ModuleRegistry.ModuleState;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.SettingDefinition;
import jp.machi.core.module.UiContribution;

/** JSON shapes of the modules API. */
public final class ModuleDtos {

    private ModuleDtos() {
    }

    @JsonbPropertyOrder({"id", "nameJa", "nameEn", "version", "status", "reason", "coreVersionRange",
        "dependencies", "roles", "settings", "metrics", "ui"})
    public record ModuleView(String id, String nameJa, String nameEn, String version, String status, String reason,
            String coreVersionRange, List<ModuleDependency> dependencies, List<RoleView> roles,
            List<SettingView> settings, List<MetricView> metrics, List<UiView> ui) {

        static ModuleView of(ModuleState s, Locale locale) {
            var d = s.descriptor();
            return new ModuleView(d.id(), d.name().ja(), d.name().en(), d.version(), s.status().name(),
                    reasonText(s, locale), d.coreVersionRange(), d.dependencies(),
                    d.roles().stream().map(r -> new RoleView(r.name(), r.label().in(locale))).toList(),
                    d.settings().stream().map(x -> SettingView.of(x, locale)).toList(),
                    d.metrics().stream().map(m -> MetricView.of(d.id(), m, locale)).toList(),
                    d.ui().stream().map(u -> UiView.of(u, locale)).toList());
        }
    }

    static String reasonText(ModuleState s, Locale locale) {
        return s.reason() == null ? null : Messages.get(locale, s.reason().key(), s.reason().args().toArray());
    }

    public record RoleView(String name, String label) {
    }

    @JsonbPropertyOrder({"key", "label", "type", "defaultValue"})
    public record SettingView(String key, String label, String type, String defaultValue) {
        static SettingView of(SettingDefinition s, Locale l) {
            return new SettingView(s.key(), s.label().in(l), s.type().name(), s.defaultValue());
        }
    }

    @JsonbPropertyOrder({"id", "name", "unit", "description"})
    public record MetricView(String id, String name, String unit, String description) {
        static MetricView of(String moduleId, MetricDefinition m, Locale l) {
            return new MetricView(moduleId + ":" + m.id(), m.name().in(l), m.unit(),
                    m.description() == null ? null : m.description().in(l));
        }
    }

    @JsonbPropertyOrder({"id", "area", "label", "path", "order"})
    public record UiView(String id, String area, String label, String path, int order) {
        static UiView of(UiContribution u, Locale l) {
            return new UiView(u.id(), u.area().name(), u.label().in(l), u.path(), u.order());
        }
    }

    @JsonbPropertyOrder({"id", "nameJa", "nameEn", "version", "status", "reason", "enabled"})
    public record MunicipalityModuleView(String id, String nameJa, String nameEn, String version, String status,
            String reason, boolean enabled) {
        static MunicipalityModuleView of(ModuleState s, boolean enabled, Locale l) {
            var d = s.descriptor();
            return new MunicipalityModuleView(d.id(), d.name().ja(), d.name().en(), d.version(), s.status().name(),
                    reasonText(s, l), enabled);
        }
    }

    /** {@code {"enabled": true}}. */
    public static class EnabledSwitch {
        @NotNull
        public Boolean enabled;
    }

    /** A module's settings as one municipality has them. */
    @JsonbPropertyOrder({"moduleId", "settings"})
    public record ModuleSettingsView(String moduleId, List<SettingValueView> settings) {
        public static ModuleSettingsView of(String moduleId, List<jp.machi.core.module.ModuleSettings.Effective> all,
                Locale l) {
            return new ModuleSettingsView(moduleId, all.stream().map(e -> SettingValueView.of(e, l)).toList());
        }
    }

    /** One setting: its value (the municipality's own, or the default when {@code set} is false). */
    @JsonbPropertyOrder({"key", "label", "type", "value", "defaultValue", "set"})
    public record SettingValueView(String key, String label, String type, jakarta.json.JsonValue value,
            jakarta.json.JsonValue defaultValue, boolean set) {
        static SettingValueView of(jp.machi.core.module.ModuleSettings.Effective e, Locale l) {
            SettingDefinition d = e.definition();
            return new SettingValueView(d.key(), d.label().in(l), d.type().name(), json(d.type(), e.value()),
                    json(d.type(), d.defaultValue()), e.set());
        }

        static jakarta.json.JsonValue json(SettingDefinition.Type type, String text) {
            if (text == null) {
                return jakarta.json.JsonValue.NULL;
            }
            switch (type) {
                case INTEGER:
                case DECIMAL:
                    try {
                        return jakarta.json.Json.createValue(new java.math.BigDecimal(text.strip()));
                    } catch (NumberFormatException e) {
                        return jakarta.json.Json.createValue(text);
                    }
                case BOOLEAN:
                    return Boolean.parseBoolean(text.strip()) ? jakarta.json.JsonValue.TRUE : jakarta.json.JsonValue.FALSE;
                case LIST:
                    var b = jakarta.json.Json.createArrayBuilder();
                    jp.machi.core.module.ModuleSettings.items(text).forEach(b::add);
                    return b.build();
                default:
                    return jakarta.json.Json.createValue(text);
            }
        }
    }

    /**
     * New values of a module's settings: every key given gets its value (null: the default), every
     * key left out goes back to its default.
     */
    public static class SettingsChange {
        @NotNull
        public java.util.Map<String, jakarta.json.JsonValue> values;

        /** The municipality's own values (not the defaults), as a PUT sends them: a merge patch's start. */
        public static SettingsChange of(List<jp.machi.core.module.ModuleSettings.Effective> all) {
            SettingsChange c = new SettingsChange();
            c.values = new java.util.LinkedHashMap<>();
            for (var e : all) {
                if (e.set()) {
                    c.values.put(e.definition().key(), SettingValueView.json(e.definition().type(), e.value()));
                }
            }
            return c;
        }
    }
}
