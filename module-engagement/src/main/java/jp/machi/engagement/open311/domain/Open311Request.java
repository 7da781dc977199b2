package jp.machi.engagement.open311.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * What an Open311 client sent with a citizen voice besides the voice itself: where (lat/long,
 * address_string, address_id), a media URL, and the key it used. One per voice of channel OPEN311.
 */
@Entity
@Table(name = "engagement_open311_request")
public class Open311Request extends TenantOwned {

    @Id
    @Column(name = "voice_id")
    private UUID voiceId;

    @Column(name = "lat")
    private Double lat;

    @Column(name = "lon")
    private Double lon;

    @Column(name = "address_string", length = 300)
    private String addressString;

    @Column(name = "address_id", length = 100)
    private String addressId;

    @Column(name = "media_url", length = 1000)
    private String mediaUrl;

    @Column(name = "key_id", nullable = false, updatable = false)
    private UUID keyId;

    protected Open311Request() {
    }

    public Open311Request(UUID voiceId, Double lat, Double lon, String addressString, String addressId, String mediaUrl,
            UUID keyId) {
        this.voiceId = voiceId;
        this.lat = lat;
        this.lon = lon;
        this.addressString = addressString;
        this.addressId = addressId;
        this.mediaUrl = mediaUrl;
        this.keyId = keyId;
    }

    public UUID getVoiceId() {
        return voiceId;
    }

    public Double getLat() {
        return lat;
    }

    public Double getLon() {
        return lon;
    }

    public String getAddressString() {
        return addressString;
    }

    public String getAddressId() {
        return addressId;
    }

    public String getMediaUrl() {
        return mediaUrl;
    }

    public UUID getKeyId() {
        return keyId;
    }
}
