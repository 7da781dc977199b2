package jp.machi.core.module.domain;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * One municipality's own values of one module's declared settings. A key without a value here has
 * the module's declared default. Values are kept in the text form of the declared defaults
 * ({@code LIST}: items joined by commas; {@code BOOLEAN}: {@code true}/{@code false}).
 */
@Entity
@Table(name = "module_settings")
@NamedQuery(name = "ModuleSettingValues.ofModule",
        query = "SELECT s FROM ModuleSettingValues s WHERE s.moduleId = :moduleId")
public class ModuleSettingValues extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "module_id", nullable = false, length = 40, updatable = false)
    private String moduleId;

    @Column(name = "setting_values", length = 20000)
    private String values;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ModuleSettingValues() {
    }

    public ModuleSettingValues(String moduleId) {
        this.moduleId = moduleId;
    }

    /** The values set, by key. */
    public Map<String, String> values() {
        Map<String, String> map = new TreeMap<>();
        if (values == null || values.isBlank()) {
            return map;
        }
        try (var r = Json.createReader(new StringReader(values))) {
            JsonObject o = r.readObject();
            for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                if (e.getValue() instanceof JsonString s) {
                    map.put(e.getKey(), s.getString());
                }
            }
        }
        return map;
    }

    /** Replaces every value; keys not in {@code set} go back to their defaults. */
    public void replace(Map<String, String> set) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        new TreeMap<>(set).forEach(b::add);
        this.values = b.build().toString();
    }

    public String getModuleId() {
        return moduleId;
    }

    public long getVersion() {
        return version;
    }
}
