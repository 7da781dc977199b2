package jp.machi.core.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ContentTypesTest {

    private static FileKind kind(byte[] b, String name) {
        return ContentTypes.detect(b, name).kind();
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length + 16];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    static byte[] zip(String... entries) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                for (String e : entries) {
                    z.putNextEntry(new ZipEntry(e));
                    z.write("<x/>".getBytes(StandardCharsets.UTF_8));
                    z.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void imagesAndPdfByTheirMagicNumbersWhateverTheName() {
        assertEquals(FileKind.PDF, kind("%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1), "x.png"));
        assertEquals(FileKind.PNG, kind(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), "letter.pdf"));
        assertEquals(FileKind.JPEG, kind(bytes(0xFF, 0xD8, 0xFF, 0xE0), "a.txt"));
        assertEquals(FileKind.GIF, kind("GIF89a...".getBytes(StandardCharsets.US_ASCII), "a"));
        assertEquals(FileKind.WEBP, kind("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), "a"));
        assertEquals(FileKind.TIFF, kind(bytes('I', 'I', 0x2A, 0), "scan.tif"));
        assertEquals("image/png", ContentTypes.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), "x.pdf")
                .mediaType());
    }

    @Test
    void officeOpenXmlByItsParts() {
        assertEquals(FileKind.DOCX, kind(zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"), "a.zip"));
        assertEquals(FileKind.XLSX, kind(zip("[Content_Types].xml", "xl/workbook.xml"), "a"));
        assertEquals(FileKind.PPTX, kind(zip("[Content_Types].xml", "ppt/presentation.xml"), "a"));
        assertEquals(FileKind.ZIP, kind(zip("readme.txt"), "a.docx"));
        assertEquals(FileKind.EXECUTABLE, kind(zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"),
                "a.docm"));
        assertEquals(FileKind.EXECUTABLE, kind(zip("setup.exe"), "a.zip"));
    }

    @Test
    void programsAreExecutables() {
        assertEquals(FileKind.EXECUTABLE, kind(bytes('M', 'Z', 0x90, 0), "letter.pdf"));
        assertEquals(FileKind.EXECUTABLE, kind(bytes(0x7F, 'E', 'L', 'F'), "a"));
        assertEquals(FileKind.EXECUTABLE, kind(bytes(0xCA, 0xFE, 0xBA, 0xBE), "a"));
        assertEquals(FileKind.EXECUTABLE, kind(bytes(0xCF, 0xFA, 0xED, 0xFE), "a"));
        assertEquals(FileKind.EXECUTABLE, kind("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII), "a.txt"));
    }

    @Test
    void textInUtf8OrShiftJis() {
        FileKind.Detected utf8 = ContentTypes.detect("市民の声\r\n道路の段差".getBytes(StandardCharsets.UTF_8), "memo.txt");
        assertEquals(FileKind.TEXT, utf8.kind());
        assertEquals("text/plain; charset=UTF-8", utf8.mediaType());
        FileKind.Detected sjis = ContentTypes.detect("受付番号,件名\r\n1,道路\r\n".getBytes(ContentTypes.SHIFT_JIS),
                "一覧.CSV");
        assertEquals(FileKind.CSV, sjis.kind());
        assertEquals("text/csv; charset=Shift_JIS", sjis.mediaType());
        byte[] bom = "\uFEFFa,b\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("text/csv; charset=UTF-8", ContentTypes.detect(bom, "x.csv").mediaType());
    }

    @Test
    void markupIsRefusedWhateverTheName() {
        assertEquals(FileKind.MARKUP, kind("<!DOCTYPE html><html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                "letter.pdf"));
        assertEquals(FileKind.MARKUP, kind("  <svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                .getBytes(StandardCharsets.UTF_8), "a.png"));
        assertEquals(FileKind.MARKUP, kind("<?xml version=\"1.0\"?><svg/>".getBytes(StandardCharsets.UTF_8), "a.txt"));
        assertEquals(FileKind.MARKUP, kind("\uFEFF<html>".getBytes(StandardCharsets.UTF_8), "a.txt"));
        assertEquals(FileKind.MARKUP, kind("hello\n<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "a.txt"));
    }

    @Test
    void binaryGarbageIsUnknown() {
        assertEquals(FileKind.UNKNOWN, kind(bytes(0x00, 0x01, 0x02, 0xFF, 0xFE), "a.pdf"));
        assertEquals(FileKind.UNKNOWN, kind("a\u0000b".getBytes(StandardCharsets.UTF_8), "a.txt"));
        assertEquals(FileKind.UNKNOWN, kind(bytes(0x1F, 0x8B, 0x08), "a.svgz"));
    }
}
