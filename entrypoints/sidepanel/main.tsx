import { mount } from '../../components/mount';
import { SidePanel } from './SidePanel';

mount('sidepanelTitle', <SidePanel />);
