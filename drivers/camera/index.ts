export { watchCamera, CAMERA_POLL_MS, type CameraWatcher, type CameraWatchOptions } from './camera-watcher';
export { v4l2CameraLister, V4L2_SYSFS, type CameraInfo, type CameraLister } from './v4l2-cameras';
export { CameraSimulator, SIM_CAMERA_LABEL } from './sim/camera-simulator';
