package jp.machi.promotion.vacanthouse.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.file.AttachmentOwner;
import jp.machi.core.file.Attachments;
import jp.machi.core.file.FileKind;
import jp.machi.core.file.FilePolicy;
import jp.machi.core.file.domain.StoredFile;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.vacanthouse.domain.VacantHouse;

/**
 * 物件の写真: the photos of a vacant-bank property in core's file service — JPEG, PNG and WebP only
 * (told from the bytes), at most {@link #MAX_BYTES} each and {@link #MAX_PHOTOS} per property, their
 * metadata (EXIF with GPS and names, XMP, comments) taken out before they are stored
 * ({@link ImageMetadata}). Adding, removing, reordering or recaptioning one raises the property's
 * version. The portal shows them while the property is published or in negotiation.
 */
@ApplicationScoped
@Transactional
public class VacantHousePhotos {

    public static final String OWNER_TYPE = "vacant-house-photo";
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    public static final int MAX_PHOTOS = 20;
    public static final FilePolicy POLICY = FilePolicy.of(EnumSet.of(FileKind.JPEG, FileKind.PNG, FileKind.WEBP))
            .withMaxBytes(MAX_BYTES);

    @Inject
    Attachments attachments;

    @Inject
    Tenancy tenancy;

    public static AttachmentOwner owner(UUID houseId) {
        return AttachmentOwner.of(PromotionModule.ID, OWNER_TYPE, houseId);
    }

    /** Stores the photo without its metadata and adds it last; the property's version rises. */
    public StoredFile add(VacantHouse v, String fileName, String caption, InputStream body) {
        if (v.getPhotos().size() >= MAX_PHOTOS) {
            throw ApiException.conflict("vacant-house-photos-full", "promotion.vacantHouse.photosFull", MAX_PHOTOS);
        }
        byte[] bytes = read(body, POLICY.limit());
        byte[] clean;
        try {
            clean = ImageMetadata.strip(bytes);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "unreadable-image", "promotion.vacantHouse.photoUnreadable");
        }
        StoredFile f = attachments.store(owner(v.getId()), fileName, new ByteArrayInputStream(clean), POLICY);
        v.addPhoto(f.getId(), caption, OffsetDateTime.now(ZoneOffset.UTC));
        raise(v);
        return f;
    }

    /** The property's photo with this id (404 for any other). */
    public StoredFile file(VacantHouse v, UUID photoId) {
        if (v.getPhotos().stream().noneMatch(p -> p.getId().equals(photoId))) {
            throw ApiException.notFound("promotion.vacantHouse.photoNotFound", photoId.toString());
        }
        return attachments.require(owner(v.getId()), photoId);
    }

    public byte[] content(StoredFile f) {
        return attachments.content(f);
    }

    public void remove(VacantHouse v, UUID photoId) {
        StoredFile f = file(v, photoId);
        v.removePhoto(photoId);
        tenancy.em().flush();
        attachments.delete(f);
        raise(v);
    }

    /** Every photo of the property, each once, in the new order with its caption; the property's version rises. */
    public void arrange(VacantHouse v, List<UUID> order, Map<UUID, String> captions) {
        var have = new HashSet<UUID>();
        v.getPhotos().forEach(p -> have.add(p.getId()));
        if (order.size() != have.size() || !have.equals(new HashSet<>(order))) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("photos", "promotion.vacantHouse.photosOrder")));
        }
        v.arrangePhotos(order, captions);
        raise(v);
    }

    /** The property's files, when the property itself goes. */
    public void removeAll(VacantHouse v) {
        attachments.deleteAll(owner(v.getId()));
    }

    private void raise(VacantHouse v) {
        tenancy.em().lock(v, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        tenancy.em().flush();
    }

    private static byte[] read(InputStream in, long limit) {
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        long total = 0;
        try (in) {
            int n;
            while ((n = in.read(chunk)) != -1) {
                total += n;
                if (total > limit) {
                    throw new ApiException(413, "payload-too-large", "files.tooLarge", limit);
                }
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new ApiException(400, "unreadable-body", "files.unreadable");
        }
        return out.toByteArray();
    }
}
