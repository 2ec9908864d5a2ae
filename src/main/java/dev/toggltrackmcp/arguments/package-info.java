/**
 * Reading what the model typed into a tool call and resolving it against the account: typed
 * primitives ({@link dev.toggltrackmcp.arguments.Arguments}), ids and labelled names ({@link
 * dev.toggltrackmcp.arguments.Resolver}), periods and dates ({@link
 * dev.toggltrackmcp.arguments.RangeQuery}) and one record per argument family. Every refusal is an
 * {@link dev.toggltrackmcp.arguments.InvalidArgument}; reading never touches Toggl data, so a bad
 * call costs no request.
 */
@NullMarked
package dev.toggltrackmcp.arguments;

import org.jspecify.annotations.NullMarked;
