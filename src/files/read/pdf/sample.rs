//! Small PDFs for the readers' tests, written by hand.

/// `data` compressed as FlateDecode writes it.
pub(super) fn zlib(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// Object `id` as a stream: its dictionary's entries `dict` (without `/Length`) and `data`.
pub(super) fn stream(id: u32, dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("{id} 0 obj\n<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    out
}
