/**
 * What an activation looks like, computed from its plugin: {@link io.trainscope.core.activation.ActivationProfile}
 * samples {@code f} and {@code f'} and says where it saturates, how steep it gets, whether it is
 * monotonic and zero-centred. Pure computation for the {@code activations} command and reports.
 */
package io.trainscope.core.activation;
