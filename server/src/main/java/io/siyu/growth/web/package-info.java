/** The growth API: campaigns, participants, invites and rewards. */
@NullMarked
package io.siyu.growth.web;

import org.jspecify.annotations.NullMarked;
