package io.palimpsest.command.files.upload;

import io.palimpsest.command.files.upload.checks.UploadCheck;
import io.palimpsest.shared.files.FileName;
import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.files.commands.OverwriteRules;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An upload's parameters, validated and typed, with ImageKit's defaults applied. Null tags,
 * customMetadata, customCoordinates and description mean "not sent" (the overwrite rules decide);
 * {@code checks} is {@link UploadCheck#NONE} when none were sent.
 */
record UploadRequest(
        FolderPath folder,
        FileName fileName,
        boolean useUniqueFileName,
        boolean overwriteFile,
        OverwriteRules overwrite,
        List<String> tags,
        Map<String, Object> customMetadata,
        String customCoordinates,
        String description,
        boolean privateFile,
        boolean published,
        Set<String> responseFields,
        List<String> extensions,
        UploadCheck checks) {
}
