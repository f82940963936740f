from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'event_source_mapping.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_p = resolve('p')
    l_0_tags = resolve('tags')
    l_0_settings = missing
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_2 = environment.filters['y']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'y' found.")
    pass
    included_template = environment.get_template('mapping_settings.j2', 'event_source_mapping.yaml.j2').make_module(context.get_all(), True, {'settings': l_0_settings})
    l_0_settings = getattr(included_template, 'settings', missing)
    if l_0_settings is missing:
        l_0_settings = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'event_source_mapping.yaml.j2') does not export the requested name 'settings'", name='settings')
    context.vars['settings'] = l_0_settings
    context.exported_vars.discard('settings')
    yield '    Type: AWS::Lambda::EventSourceMapping\n'
    if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'depends_on'):
        pass
        yield '    DependsOn:'
        yield str(t_2(context, environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'depends_on'), 6))
        yield '\n'
    yield '    Properties:\n      FunctionName: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'function')))
    yield '\n      EventSourceArn: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_arn')))
    yield '\n'
    yield str(context.call((undefined(name='settings') if l_0_settings is missing else l_0_settings), (undefined(name='p') if l_0_p is missing else l_0_p), '      '))
    if (undefined(name='tags') if l_0_tags is missing else l_0_tags):
        pass
        yield '      Tags:'
        yield str(t_2(context, (undefined(name='tags') if l_0_tags is missing else l_0_tags), 8))
        yield '\n'

blocks = {}
debug_info = '1=27&3=34&4=37&7=40&8=42&9=44&10=45&11=48'
