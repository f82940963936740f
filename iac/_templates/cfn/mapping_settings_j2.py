from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'mapping_settings.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_settings = missing
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_2 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_p, l_1_pad):
        t_4 = []
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_pad is missing:
            l_1_pad = undefined("parameter 'pad' was not provided", name='pad')
        pass
        t_4.extend((
            str(l_1_pad),
            'BatchSize: ',
            str(environment.getattr(l_1_p, 'batch')),
            '\n',
        ))
        if environment.getattr(l_1_p, 'window'):
            pass
            t_4.extend((
                str(l_1_pad),
                'MaximumBatchingWindowInSeconds: ',
                str(environment.getattr(l_1_p, 'window')),
                '\n',
            ))
        if environment.getattr(l_1_p, 'starting_position'):
            pass
            t_4.extend((
                str(l_1_pad),
                'StartingPosition: ',
                str(environment.getattr(l_1_p, 'starting_position')),
                '\n',
            ))
        if environment.getattr(l_1_p, 'report_failures'):
            pass
            t_4.extend((
                str(l_1_pad),
                'FunctionResponseTypes:\n',
                str(l_1_pad),
                '  - ReportBatchItemFailures\n',
            ))
        if (not t_3(environment.getattr(l_1_p, 'retries'))):
            pass
            t_4.extend((
                str(l_1_pad),
                'MaximumRetryAttempts: ',
                str(environment.getattr(l_1_p, 'retries')),
                '\n',
            ))
        if (not t_3(environment.getattr(l_1_p, 'max_age'))):
            pass
            t_4.extend((
                str(l_1_pad),
                'MaximumRecordAgeInSeconds: ',
                str(environment.getattr(l_1_p, 'max_age')),
                '\n',
            ))
        if environment.getattr(l_1_p, 'bisect'):
            pass
            t_4.extend((
                str(l_1_pad),
                'BisectBatchOnFunctionError: true\n',
            ))
        if environment.getattr(l_1_p, 'on_failure'):
            pass
            t_4.extend((
                str(l_1_pad),
                'DestinationConfig:\n',
                str(l_1_pad),
                '  OnFailure:\n',
                str(l_1_pad),
                '    Destination: ',
                str(t_1(context, environment.getattr(l_1_p, 'on_failure'))),
                '\n',
            ))
        if (not t_3(environment.getattr(l_1_p, 'max_concurrency'))):
            pass
            t_4.extend((
                str(l_1_pad),
                'ScalingConfig:\n',
                str(l_1_pad),
                '  MaximumConcurrency: ',
                str(environment.getattr(l_1_p, 'max_concurrency')),
                '\n',
            ))
        if environment.getattr(l_1_p, 'filter_pattern'):
            pass
            t_4.extend((
                str(l_1_pad),
                'FilterCriteria:\n',
                str(l_1_pad),
                '  Filters:\n',
                str(l_1_pad),
                '    - Pattern: ',
                str(t_2(environment.getattr(l_1_p, 'filter_pattern'))),
                '\n',
            ))
        return concat(t_4)
    context.exported_vars.add('settings')
    context.vars['settings'] = l_0_settings = Macro(environment, macro, 'settings', ('p', 'pad'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '4=30&5=38&6=43&7=46&9=51&10=54&12=59&13=62&14=64&16=67&17=70&19=75&20=78&22=83&23=86&25=89&26=92&27=94&28=96&30=101&31=104&32=106&34=111&35=114&36=116&37=118'
