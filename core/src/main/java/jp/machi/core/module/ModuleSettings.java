package jp.machi.core.module;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.machi.core.api.ApiException;
import jp.machi.core.module.domain.ModuleSettingValues;
import jp.machi.core.persistence.Tenancy;

/**
 * The settings a module declares ({@link ModuleDescriptor#settings()}) as one municipality has
 * them: its own value where it set one, else the declared default. Modules read their settings
 * here ({@code settings.list(lg, "planning", "futureDirections")}); municipality administrators
 * set them through {@code /api/v1/municipalities/{lgCode}/modules/{moduleId}/settings}.
 *
 * <p>Values travel in JSON by type: {@code STRING} a string, {@code INTEGER} an integral number,
 * {@code DECIMAL} a number, {@code BOOLEAN} true/false, {@code LIST} an array of non-blank strings
 * without commas; {@code null} resets a setting to its default.
 */
@ApplicationScoped
@Transactional
public class ModuleSettings {

    /** Longest text of one value. */
    public static final int MAX_LENGTH = 2000;

    @Inject
    ModuleRegistry registry;

    @Inject
    Tenancy tenancy;

    @Inject
    @Any
    Instance<SettingValidator> validators;

    /** A setting's definition and its effective value for one municipality. */
    public record Effective(SettingDefinition definition, String value, boolean set) {
    }

    /** The effective value of {@code key} in its text form (a LIST's items joined by commas). */
    public String get(String lgCode, String moduleId, String key) {
        SettingDefinition d = definition(moduleId, key)
                .orElseThrow(() -> new IllegalArgumentException("Module " + moduleId + " declares no setting " + key));
        return stored(lgCode, moduleId).map(s -> s.values().get(key)).orElse(d.defaultValue());
    }

    public List<String> list(String lgCode, String moduleId, String key) {
        return items(get(lgCode, moduleId, key));
    }

    public long integer(String lgCode, String moduleId, String key) {
        return Long.parseLong(get(lgCode, moduleId, key).strip());
    }

    public BigDecimal decimal(String lgCode, String moduleId, String key) {
        return new BigDecimal(get(lgCode, moduleId, key).strip());
    }

    public boolean bool(String lgCode, String moduleId, String key) {
        return Boolean.parseBoolean(get(lgCode, moduleId, key).strip());
    }

    /** Every declared setting of the module with its effective value, in declaration order. */
    public List<Effective> all(String lgCode, String moduleId) {
        Map<String, String> set = stored(lgCode, moduleId).map(ModuleSettingValues::values).orElse(Map.of());
        return descriptor(moduleId).settings().stream()
                .map(d -> new Effective(d, set.getOrDefault(d.key(), d.defaultValue()), set.containsKey(d.key())))
                .toList();
    }

    /** The version of the municipality's values (0 while it has set none), for ETag and If-Match. */
    public long version(String lgCode, String moduleId) {
        return stored(lgCode, moduleId).map(ModuleSettingValues::getVersion).orElse(0L);
    }

    /**
     * Replaces the municipality's values: the keys in {@code values} get theirs (null: back to
     * the default), the others go back to their defaults. Throws a 400 problem with one field error
     * per bad value, having written nothing.
     */
    public void replace(String lgCode, String moduleId, Map<String, JsonValue> values) {
        ModuleDescriptor descriptor = descriptor(moduleId);
        Map<String, SettingDefinition> defs = new HashMap<>();
        descriptor.settings().forEach(d -> defs.put(d.key(), d));
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        for (Map.Entry<String, JsonValue> e : values.entrySet()) {
            String field = "values." + e.getKey();
            SettingDefinition d = defs.get(e.getKey());
            if (d == null) {
                errors.add(new ApiException.FieldErrorKey(field, "module.setting.unknown", e.getKey(), moduleId));
                continue;
            }
            JsonValue v = e.getValue();
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            Optional<String> text = text(d.type(), v);
            if (text.isEmpty()) {
                errors.add(new ApiException.FieldErrorKey(field, "module.setting.type." + d.type().name()));
                continue;
            }
            if (text.get().length() > MAX_LENGTH) {
                errors.add(new ApiException.FieldErrorKey(field, "module.setting.tooLong", MAX_LENGTH));
                continue;
            }
            Optional<SettingValidator.Refusal> refusal = refusal(moduleId, d.key(), text.get());
            if (refusal.isPresent()) {
                errors.add(new ApiException.FieldErrorKey(field, refusal.get().messageKey(), refusal.get().args()));
                continue;
            }
            texts.put(d.key(), text.get());
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        var em = tenancy.bind(lgCode);
        ModuleSettingValues row = stored(lgCode, moduleId).orElse(null);
        if (row == null) {
            row = new ModuleSettingValues(moduleId);
            row.replace(texts);
            em.persist(row);
        } else {
            row.replace(texts);
        }
        em.flush();
    }

    /** A LIST value's items. */
    public static List<String> items(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** The text form of a JSON value of the declared type, if it is one. */
    static Optional<String> text(SettingDefinition.Type type, JsonValue v) {
        switch (type) {
            case STRING:
                return v instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
            case INTEGER:
                if (v instanceof JsonNumber n && n.isIntegral()) {
                    try {
                        return Optional.of(Long.toString(n.bigDecimalValue().longValueExact()));
                    } catch (ArithmeticException tooBig) {
                        return Optional.empty();
                    }
                }
                return Optional.empty();
            case DECIMAL:
                return v instanceof JsonNumber n ? Optional.of(n.bigDecimalValue().stripTrailingZeros().toPlainString())
                        : Optional.empty();
            case BOOLEAN:
                return v == JsonValue.TRUE || v == JsonValue.FALSE
                        || v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE
                        ? Optional.of(Boolean.toString(v.getValueType() == JsonValue.ValueType.TRUE)) : Optional.empty();
            case LIST:
                if (!(v instanceof JsonArray a) || a.isEmpty()) {
                    return Optional.empty();
                }
                Set<String> seen = new LinkedHashSet<>();
                for (JsonValue item : a) {
                    if (!(item instanceof JsonString s) || s.getString().isBlank() || s.getString().contains(",")
                            || !seen.add(s.getString().strip())) {
                        return Optional.empty();
                    }
                }
                return Optional.of(String.join(",", seen));
            default:
                return Optional.empty();
        }
    }

    private Optional<SettingValidator.Refusal> refusal(String moduleId, String key, String text) {
        for (SettingValidator v : validators) {
            if (v.moduleId().equals(moduleId)) {
                Optional<SettingValidator.Refusal> r = v.check(key, text);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<ModuleSettingValues> stored(String lgCode, String moduleId) {
        return tenancy.bind(lgCode).createNamedQuery("ModuleSettingValues.ofModule", ModuleSettingValues.class)
                .setParameter("moduleId", moduleId).getResultStream().findFirst();
    }

    private ModuleDescriptor descriptor(String moduleId) {
        return registry.find(moduleId).map(ModuleRegistry.ModuleState::descriptor)
                .orElseThrow(() -> ApiException.notFound("module.unknown", moduleId));
    }

    private Optional<SettingDefinition> definition(String moduleId, String key) {
        return descriptor(moduleId).settings().stream().filter(d -> d.key().equals(key)).findFirst();
    }
}
