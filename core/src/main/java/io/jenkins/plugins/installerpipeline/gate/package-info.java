/**
 * The approval gate: whether an installer build stops for a person before it builds. On an ordinary orchestration
 * it does, so nobody waits for installers nobody asked for; on a release it never does; and a build a person started
 * directly does not, since someone already asked for it. The Jenkins step {@code blockUnlessTag} asks this package
 * and only carries out the answer.
 */
package io.jenkins.plugins.installerpipeline.gate;
