//! Hostile files made for the tests: decompression bombs (a zlib or deflate stream that
//! inflates to gigabytes from a few megabytes), a PDF that carries one, a workbook whose sheet
//! is one, and a kompass PDF whose attachment has another name.

use std::io::Write;

/// One segment of raw deflate data that inflates to `chunk` copies of `byte`, ending on a
/// byte boundary with no reference back: repeated, it inflates to as many chunks.
fn deflate_segment(byte: u8, chunk: usize) -> Vec<u8> {
    let mut c = flate2::Compress::new(flate2::Compression::best(), false);
    let input = vec![byte; chunk];
    let mut out = Vec::with_capacity(chunk / 500 + 1024);
    c.compress_vec(&input, &mut out, flate2::FlushCompress::Full)
        .expect("deflate");
    assert_eq!(
        c.total_in() as usize,
        chunk,
        "one call takes the whole chunk"
    );
    out
}

/// Raw deflate data (no zlib header) that inflates to `total` bytes of `byte` (a multiple of
/// 1 MiB), ending with an empty final block.
pub fn deflate_bomb(byte: u8, total: u64) -> Vec<u8> {
    let chunk = 1 << 20;
    let segment = deflate_segment(byte, chunk);
    let mut out = Vec::with_capacity(segment.len() * (total >> 20) as usize + 16);
    for _ in 0..total >> 20 {
        out.extend_from_slice(&segment);
    }
    // The last block: final, fixed Huffman codes, only the end-of-block code.
    out.extend_from_slice(&[0x03, 0x00]);
    out
}

/// A zlib stream (PDF's FlateDecode) that inflates to `total` zero bytes, checksum included.
pub fn zlib_bomb(total: u64) -> Vec<u8> {
    let mut out = vec![0x78, 0xDA];
    out.extend(deflate_bomb(0, total));
    // Adler-32 of zeros: a stays 1, b adds 1 per byte.
    let b = (total % 65_521) as u32;
    out.extend_from_slice(&((b << 16) | 1).to_be_bytes());
    out
}

/// A PDF shaped like kompass's: `kompass.json` and an evaluation attached, the evaluation's
/// stream given as it stands (compressed with FlateDecode), with a correct cross-reference
/// table, so that any PDF reader reads it as a whole.
pub fn pdf_with_evaluation_stream(name: &str, flate: &[u8]) -> Vec<u8> {
    let provenance = br#"{"kompass":"0.1.0","framework":"kommunkompassen-2020","framework_fingerprint":"0","standards":"a-3a,ua-1","draft":false}"#;
    let stream = |dict: &str, data: &[u8]| {
        let mut o = format!("<<{dict}/Length {}>>\nstream\n", data.len()).into_bytes();
        o.extend_from_slice(data);
        o.extend_from_slice(b"\nendstream");
        o
    };
    let objects: Vec<Vec<u8>> = vec![
        format!("<</Type/Catalog/Pages 6 0 R/Names<</EmbeddedFiles<</Names[(kompass.json)2 0 R({name})3 0 R]>>>>>>").into_bytes(),
        b"<</Type/Filespec/F(kompass.json)/UF(kompass.json)/EF<</F 4 0 R>>>>".to_vec(),
        format!("<</Type/Filespec/F({name})/UF({name})/EF<</F 5 0 R>>>>").into_bytes(),
        stream("/Type/EmbeddedFile", provenance),
        stream("/Type/EmbeddedFile/Filter/FlateDecode", flate),
        b"<</Type/Pages/Kids[]/Count 0>>".to_vec(),
    ];
    let mut pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<</Root 1 0 R/Size {}>>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// A zip archive written by hand: `(name, method, data, crc, uncompressed size)` per entry,
/// method 0 (stored) or 8 (deflate, `data` already compressed).
pub fn zip_by_hand(entries: &[(String, u16, Vec<u8>, u32, u32)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, method, data, crc, size) in entries {
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&sig.to_le_bytes());
            if central {
                h.extend_from_slice(&20u16.to_le_bytes());
            }
            h.extend_from_slice(&20u16.to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes());
            h.extend_from_slice(&method.to_le_bytes());
            h.extend_from_slice(&[0, 0, 0x21, 0]);
            h.extend_from_slice(&crc.to_le_bytes());
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&size.to_le_bytes());
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes());
            if central {
                // Comment length, disk, internal attributes; external attributes.
                h.extend_from_slice(&[0; 6]);
                h.extend_from_slice(&0u32.to_le_bytes());
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend_from_slice(data);
        central.extend(header(0x0201_4b50, true));
    }
    let start = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// A real workbook (as `kompass export` writes it) whose sheet is replaced by one that
/// inflates to `total` bytes: a valid sheet's start, then spaces.
pub fn workbook_bomb(good: &[u8], total: u64) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(good)).expect("a workbook");
    let mut entries = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        if name.starts_with("xl/worksheets/") {
            let head = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
            let mut raw = Vec::with_capacity(head.len() + 1024);
            let mut c = flate2::Compress::new(flate2::Compression::best(), false);
            c.compress_vec(head, &mut raw, flate2::FlushCompress::Full)
                .unwrap();
            let body = deflate_bomb(b' ', total);
            raw.extend_from_slice(&body);
            let mut crc = flate2::Crc::new();
            crc.update(head);
            let spaces = vec![b' '; 1 << 20];
            for _ in 0..total >> 20 {
                crc.update(&spaces);
            }
            let size = (head.len() as u64 + total).min(u64::from(u32::MAX)) as u32;
            entries.push((name, 8, raw, crc.sum(), size));
        } else {
            let mut crc = flate2::Crc::new();
            crc.update(&data);
            let size = data.len() as u32;
            entries.push((name, 0, data, crc.sum(), size));
        }
    }
    zip_by_hand(&entries)
}

/// Compress with zlib (FlateDecode).
pub fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// An OpenDocument spreadsheet made by hand, as LibreOffice writes one: `mimetype` first and
/// stored, the manifest, and `content.xml` with one table holding `rows` (table-row elements).
pub fn ods(rows: &str) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("mimetype", stored).unwrap();
    w.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    w.start_file("META-INF/manifest.xml", deflated).unwrap();
    w.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    w.start_file("content.xml", deflated).unwrap();
    write!(
        w,
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="Register">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    )
    .unwrap();
    w.finish().unwrap().into_inner()
}
