package org.ronghe.directory;

/** Published when an import changed the directory, so that whatever keeps directory data reads it again. */
public record DirectoryChanged(String entity) {
}
