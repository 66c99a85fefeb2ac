/** What every plugin has: a name, a description and declared, validated parameters. */
package io.trainscope.api.plugin;
