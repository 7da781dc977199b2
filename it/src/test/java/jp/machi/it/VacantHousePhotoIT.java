package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 空き家バンク: the photos of a property. Staff add JPEG, PNG and WebP (told from the bytes: a PDF named
 * .jpg is refused, a PNG named .txt taken), with the property's ETag as If-Match (its version rises
 * with every photo added, reordered, recaptioned or removed); what a phone wrote into the photo (EXIF
 * with GPS position and names, comments) is taken out before it is stored — the bytes downloaded have
 * none of it and are still the picture; the portal lists the photos of a published property (caption
 * and address, never the file's name or the owner) and serves them anonymously, and 404 once the
 * property is no longer on the portal.
 */
@MachiTest
class VacantHousePhotoIT {

    static final String SECRET = "GPS 36.6513N 138.3072E Owner 空家太郎";

    private final Api api;
    private String base;
    private String houses;
    private Api staff;
    private Api registrar;

    VacantHousePhotoIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        houses = base + "/promotion/vacant-houses";
        staff = CollaborationPartnerIT.user(api, base, "STAFF");
        registrar = CollaborationPartnerIT.user(api, base, "STAFF", "promotion.vacant-house-registrar");
    }

    /** A small picture in this format (jpeg or png). */
    static byte[] picture(String format) {
        BufferedImage img = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 12; y++) {
                img.setRGB(x, y, (x * 15) << 16 | (y * 20) << 8 | 0x60);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG as a phone writes it: an EXIF segment (here with a GPS position and a name) and a comment after SOI. */
    static byte[] jpegWithExif() {
        byte[] plain = picture("jpeg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        segment(out, 0xe1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), SECRET.getBytes(StandardCharsets.UTF_8)));
        segment(out, 0xfe, SECRET.getBytes(StandardCharsets.UTF_8));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xff);
        out.write(marker);
        out.write((data.length + 2) >> 8);
        out.write((data.length + 2) & 0xff);
        out.write(data, 0, data.length);
    }

    static boolean contains(byte[] b, String s) {
        return new String(b, StandardCharsets.UTF_8).contains(s) || new String(b, StandardCharsets.ISO_8859_1).contains(s);
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String etag(String id) {
        return api.get(houses + "/" + id).send().expect(200).etag();
    }

    private Reply upload(String id, String fileName, String caption, byte[] bytes) {
        return staff.post(houses + "/" + id + "/attachments?fileName=" + q(fileName) + (caption == null ? "" : "&caption=" + q(caption)))
                .ifMatch(etag(id)).body(bytes, "application/octet-stream").send();
    }

    private void step(String id, Api who, String action) {
        who.post(houses + "/" + id + "/workflow/transitions").ifMatch(etag(id))
                .json(Json.createObjectBuilder().add("action", action).build()).send().expect(200);
    }

    @Test
    void photosAreStrippedOfTheirMetadataOrderedCaptionedAndShownOnThePortalOnlyWhilePublished() throws IOException {
        String id = staff.post(houses).json(VacantHouseIT.house("（テスト）写真のある古民家").build()).send().expect(201).object().getString("id");
        String v0 = etag(id);

        // If-Match as for the property: none 428, stale 412.
        assertProblem(staff.post(houses + "/" + id + "/attachments?fileName=a.jpg").body(picture("jpeg"), "image/jpeg").send(),
                428, "precondition-required");

        byte[] dirty = jpegWithExif();
        assertTrue(contains(dirty, SECRET));
        Reply first = upload(id, "空家太郎さん宅_外観.jpg", "南側から見た外観", dirty).expect(201);
        JsonObject p1 = first.object();
        assertEquals("image/jpeg", p1.getString("contentType"));
        assertEquals(1, p1.getInt("position"));
        assertEquals("南側から見た外観", p1.getString("caption"));
        assertNotEquals(v0, first.etag(), "a photo added is a new version of the property");
        assertEquals(first.etag(), etag(id));
        assertProblem(staff.post(houses + "/" + id + "/attachments?fileName=b.png").ifMatch(v0).body(picture("png"), "image/png").send(),
                412, "stale-version");

        // What is stored has no EXIF, no comment, no GPS, no name, and is still the picture.
        Reply got = staff.get(houses + "/" + id + "/attachments/" + p1.getString("id")).send().expect(200);
        byte[] stored = got.bytes();
        assertFalse(contains(stored, SECRET), "no GPS position, no name");
        assertFalse(contains(stored, "Exif"), "no EXIF segment");
        assertTrue(got.contentType().startsWith("image/jpeg"), got::toString);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(stored));
        assertNotNull(img, "still a JPEG");
        assertEquals(16, img.getWidth());
        assertArrayEquals(picture("jpeg"), stored, "the picture's bytes untouched, only the metadata gone");

        // Only images, told from the bytes: a PDF named .jpg is refused, a PNG named .txt taken as a PNG.
        assertProblem(upload(id, "外観.jpg", null, "%PDF-1.4\n%\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII)),
                415, "unsupported-file-type");
        assertProblem(upload(id, "memo.txt", null, "ただのメモ".getBytes(StandardCharsets.UTF_8)), 415, "unsupported-file-type");
        byte[] half = picture("jpeg");
        assertProblem(upload(id, "壊れた.jpg", null, java.util.Arrays.copyOf(half, half.length / 2)), 400, "unreadable-image");
        assertProblem(upload(id, "大きすぎる.png", null, new byte[5 * 1024 * 1024 + 1]), 413, "payload-too-large");
        JsonObject p2 = upload(id, "居間.txt", "居間", picture("png")).expect(201).object();
        assertEquals("image/png", p2.getString("contentType"));
        assertEquals(2, p2.getInt("position"));

        // Ordered and captioned in one go, the whole list; a list without every photo is refused.
        String before = etag(id);
        assertProblem(staff.put(houses + "/" + id + "/attachments").ifMatch(before).json(Json.createObjectBuilder()
                .add("photos", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", p2.getString("id")))).build()).send(),
                400, null);
        Reply arranged = staff.put(houses + "/" + id + "/attachments").ifMatch(before).json(Json.createObjectBuilder()
                .add("photos", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("id", p2.getString("id")).add("caption", "日当たりの良い居間"))
                        .add(Json.createObjectBuilder().add("id", p1.getString("id")).add("caption", "外観")))
                .build()).send().expect(200);
        assertNotEquals(before, arranged.etag());
        List<JsonObject> listed = api.get(houses + "/" + id + "/attachments").send().expect(200).object().getJsonArray("photos")
                .getValuesAs(JsonObject.class);
        assertEquals(List.of(p2.getString("id"), p1.getString("id")), listed.stream().map(p -> p.getString("id")).toList());
        assertEquals("日当たりの良い居間", listed.get(0).getString("caption"));
        assertEquals(1, listed.get(0).getInt("position"));

        // Not on the portal before it is published: the property and its photos are 404 to anyone.
        Api anonymous = api.anonymous();
        String pub = base + "/promotion/public/vacant-houses/" + id;
        anonymous.get(pub).send().expect(404);
        anonymous.get(pub + "/photos/" + p1.getString("id")).send().expect(404);

        step(id, staff, "survey");
        step(id, registrar, "register");
        step(id, staff, "publish");
        JsonObject shown = anonymous.get(pub).send().expect(200).object();
        List<JsonObject> photos = shown.getJsonArray("photos").getValuesAs(JsonObject.class);
        assertEquals(2, photos.size());
        assertEquals("日当たりの良い居間", photos.get(0).getString("caption"));
        assertFalse(shown.toString().contains("居間.txt") || shown.toString().contains("空家太郎"),
                "neither the files' names nor the owner on the portal: " + shown);
        Reply image = anonymous.get(photos.get(1).getString("url")).send().expect(200);
        assertTrue(image.contentType().startsWith("image/jpeg"), image::toString);
        assertEquals("nosniff", image.header("X-Content-Type-Options").orElse(null));
        assertArrayEquals(stored, image.bytes());
        assertFalse(contains(image.bytes(), SECRET));
        JsonObject listedPublic = anonymous.get(base + "/promotion/public/vacant-houses").send().expect(200).object();
        assertEquals(2, listedPublic.getJsonArray("items").getJsonObject(0).getJsonArray("photos").size());

        // Removed: the property's version rises, the photo is gone for staff and portal.
        String url = photos.get(0).getString("url");
        String now = etag(id);
        assertProblem(staff.delete(houses + "/" + id + "/attachments/" + p2.getString("id")).send(), 428, "precondition-required");
        staff.delete(houses + "/" + id + "/attachments/" + p2.getString("id")).ifMatch(now).send().expect(204);
        assertNotEquals(now, etag(id));
        anonymous.get(url).send().expect(404);
        staff.get(houses + "/" + id + "/attachments/" + p2.getString("id")).send().expect(404);

        // Taken off the portal: its photos with it.
        step(id, staff, "unpublish");
        anonymous.get(photos.get(1).getString("url")).send().expect(404);
        anonymous.get(pub).send().expect(404);
    }

    @Test
    void viewersSeeButOnlyStaffChangeAndAnotherMunicipalitysPhotoIsNotFound() {
        String id = staff.post(houses).json(VacantHouseIT.house("（テスト）別の物件").build()).send().expect(201).object().getString("id");
        String photo = upload(id, "外観.jpg", null, picture("jpeg")).expect(201).object().getString("id");
        Api viewer = CollaborationPartnerIT.user(api, base, "VIEWER");
        viewer.get(houses + "/" + id + "/attachments").send().expect(200);
        viewer.get(houses + "/" + id + "/attachments/" + photo).send().expect(200);
        viewer.post(houses + "/" + id + "/attachments?fileName=a.jpg").ifMatch(etag(id)).body(picture("jpeg"), "image/jpeg").send()
                .expect(403);
        viewer.delete(houses + "/" + id + "/attachments/" + photo).ifMatch(etag(id)).send().expect(403);

        String other = staff.post(houses).json(VacantHouseIT.house("（テスト）もう一つの物件").build()).send().expect(201).object()
                .getString("id");
        staff.get(houses + "/" + other + "/attachments/" + photo).send().expect(404);
        staff.delete(houses + "/" + other + "/attachments/" + photo).ifMatch(etag(other)).send().expect(404);

        // A property deleted before registration takes its photos with it.
        staff.delete(houses + "/" + id).ifMatch(etag(id)).send().expect(204);
        staff.get(houses + "/" + id + "/attachments/" + photo).send().expect(404);
    }
}
