/**
 * jqsi-files: writes that cannot lose data. A file is replaced under an exclusive lock, through a temporary file in
 * its directory that is forced to disk and renamed over it, keeping its mode, owner and symbolic links.
 */
module org.jqsi.files {
    // FileBusyException says what happened as a LocalizedText.
    requires transitive org.jqsi.core;

    exports org.jqsi.files;
}
