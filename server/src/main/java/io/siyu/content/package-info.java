/**
 * The material library (articles, images, videos, links, mini-program cards, files, posters) and the script
 * library (话术库): what staff send in chats and what mass messages and journeys refer to.
 */
@ApplicationModule(
        displayName = "Content",
        allowedDependencies = {"shared", "access"})
@NullMarked
package io.siyu.content;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
