package io.siyu.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Process-wide settings. Environment names: {@code SIYU_DATA_DIR}, {@code SIYU_MAX_BODY_BYTES},
 * {@code SIYU_MAX_UPLOAD_BYTES}.
 *
 * @param dataDir embedded database and local files; survives restarts
 * @param maxBodyBytes largest request body the API accepts, in bytes
 * @param maxUploadBytes largest import file ({@code SIYU_MAX_UPLOAD_BYTES}), in bytes
 */
@ConfigurationProperties("siyu")
record SiyuProperties(
        @DefaultValue("./siyu-data") Path dataDir,
        @DefaultValue("1048576") long maxBodyBytes,
        @DefaultValue("52428800") long maxUploadBytes) {}
